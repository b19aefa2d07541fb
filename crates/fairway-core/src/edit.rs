//! An exhibitor's own edit of its profile: what the editor on the laptop sends, the hub stores
//! and reviews, and `fairway publish` writes into the next snapshot.
//!
//! An exhibitor may change its names, description, contact, website, logo and products. The
//! organiser's parts of the record (id, country, pavilion, booths, categories) are not in a
//! [`ProfileEdit`] at all, so no request can change them: [`ProfileEdit::apply`] copies them from
//! the organiser's record.
//!
//! Every edit is judged by [`ProfileEdit::check`], which runs the importer's own rules
//! ([`crate::validate`]) on the record the edit would produce: one [`FieldError`] per bad
//! field, named as the editor names it (`description_en`, `products.2.name_zh`).
//!
//! Images are named, never inlined: an image already in the fair keeps its file name, and an
//! image uploaded through the hub is named by its content, [`uploaded_image_name`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::media::Asset;
use crate::model::{Exhibitor, Product};
use crate::validate::{self, FieldError};

/// Most products one exhibitor may show.
pub const MAX_PRODUCTS_PER_EXHIBITOR: usize = 50;

/// The fields of a profile an exhibitor may change, in canonical form once normalised.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProfileEdit {
    pub name_en: String,
    pub name_zh: Option<String>,
    /// An `https://` URL.
    pub website: Option<String>,
    pub email: Option<String>,
    /// E.164, e.g. `+8602355501234` (separators are removed on normalising).
    pub phone: Option<String>,
    pub contact_name_en: Option<String>,
    pub contact_name_zh: Option<String>,
    pub title_en: Option<String>,
    pub title_zh: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    /// An image name: a file of the fair's `images/` or an [`uploaded_image_name`].
    pub logo: Option<String>,
    pub products: Vec<ProductEdit>,
}

/// One product of a [`ProfileEdit`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProductEdit {
    pub name_en: String,
    pub name_zh: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    /// An image name, as [`ProfileEdit::logo`].
    pub image: Option<String>,
}

/// The parts of a profile only the organiser changes, shown read-only in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FixedFields {
    pub id: String,
    pub country: Option<String>,
    pub pavilion: Option<String>,
    pub booths: Vec<String>,
    pub categories: Vec<String>,
}

impl FixedFields {
    pub fn of(exhibitor: &Exhibitor) -> FixedFields {
        FixedFields {
            id: exhibitor.id.clone(),
            country: exhibitor.country.clone(),
            pavilion: exhibitor.pavilion.clone(),
            booths: exhibitor.booths.clone(),
            categories: exhibitor.categories.clone(),
        }
    }
}

/// The limits the editor shows next to each field as the exhibitor types (characters, not bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EditLimits {
    pub name: u32,
    pub contact_name: u32,
    pub title: u32,
    pub email: u32,
    pub website: u32,
    pub description: u32,
    pub product_name: u32,
    pub product_description: u32,
    pub products: u32,
    /// Largest image file accepted, in bytes.
    pub image_bytes: u32,
    /// Largest image side accepted before re-encoding, in pixels.
    pub image_side: u32,
}

impl EditLimits {
    pub fn get() -> EditLimits {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        EditLimits {
            name: n(validate::MAX_NAME_CHARS),
            contact_name: n(validate::MAX_CONTACT_NAME_CHARS),
            title: n(validate::MAX_TITLE_CHARS),
            email: n(validate::MAX_EMAIL_CHARS),
            website: n(validate::MAX_URL_CHARS),
            description: n(validate::MAX_DESCRIPTION_CHARS),
            product_name: n(validate::MAX_PRODUCT_NAME_CHARS),
            product_description: n(validate::MAX_PRODUCT_DESCRIPTION_CHARS),
            products: n(MAX_PRODUCTS_PER_EXHIBITOR),
            image_bytes: n(crate::media::MAX_FILE_BYTES),
            image_side: crate::media::MAX_DIMENSION,
        }
    }
}

impl ProfileEdit {
    /// The editable part of an exhibitor's record and its products (in their order).
    pub fn of(exhibitor: &Exhibitor, products: &[Product]) -> ProfileEdit {
        ProfileEdit {
            name_en: exhibitor.name_en.clone(),
            name_zh: exhibitor.name_zh.clone(),
            website: exhibitor.website.clone(),
            email: exhibitor.email.clone(),
            phone: exhibitor.phone.clone(),
            contact_name_en: exhibitor.contact_name_en.clone(),
            contact_name_zh: exhibitor.contact_name_zh.clone(),
            title_en: exhibitor.title_en.clone(),
            title_zh: exhibitor.title_zh.clone(),
            description_en: exhibitor.description_en.clone(),
            description_zh: exhibitor.description_zh.clone(),
            logo: exhibitor.logo.clone(),
            products: products
                .iter()
                .filter(|p| p.exhibitor == exhibitor.id)
                .map(|p| ProductEdit {
                    name_en: p.name_en.clone(),
                    name_zh: p.name_zh.clone(),
                    description_en: p.description_en.clone(),
                    description_zh: p.description_zh.clone(),
                    image: p.image.clone(),
                })
                .collect(),
        }
    }

    /// The record and products this edit makes of the organiser's record `base`, in canonical
    /// form (see [`validate::normalize_exhibitor`]); the organiser's fields come from `base`.
    pub fn apply(&self, base: &Exhibitor) -> (Exhibitor, Vec<Product>) {
        let mut exhibitor = Exhibitor {
            name_en: self.name_en.clone(),
            name_zh: self.name_zh.clone(),
            website: self.website.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            contact_name_en: self.contact_name_en.clone(),
            contact_name_zh: self.contact_name_zh.clone(),
            title_en: self.title_en.clone(),
            title_zh: self.title_zh.clone(),
            description_en: self.description_en.clone(),
            description_zh: self.description_zh.clone(),
            logo: self.logo.clone(),
            ..base.clone()
        };
        validate::normalize_exhibitor(&mut exhibitor);
        let products = self
            .products
            .iter()
            .map(|p| {
                let mut product = Product {
                    exhibitor: base.id.clone(),
                    name_en: p.name_en.clone(),
                    name_zh: p.name_zh.clone(),
                    description_en: p.description_en.clone(),
                    description_zh: p.description_zh.clone(),
                    image: p.image.clone(),
                };
                validate::normalize_product(&mut product);
                product
            })
            .collect();
        (exhibitor, products)
    }

    /// This edit in canonical form: what [`ProfileEdit::apply`] would store.
    pub fn normalized(&self, base: &Exhibitor) -> ProfileEdit {
        let (exhibitor, products) = self.apply(base);
        ProfileEdit::of(&exhibitor, &products)
    }

    /// Every field the importer's rules refuse, one error per field, named as the editor names
    /// it. Empty when the edit may be submitted. Whether a named image exists is the holder's
    /// question (the hub knows its images), not this one's.
    pub fn check(&self, base: &Exhibitor) -> Vec<FieldError> {
        let (exhibitor, products) = self.apply(base);
        let mut errors: Vec<FieldError> = validate::exhibitor(&exhibitor)
            .into_iter()
            // The organiser's fields came from `base`; an error there is not the exhibitor's.
            .filter(|e| EXHIBITOR_FIELDS.contains(&e.field.as_str()))
            .collect();
        if products.len() > MAX_PRODUCTS_PER_EXHIBITOR {
            errors.push(FieldError {
                field: "products".to_owned(),
                message: format!(
                    "lists {} products; the limit is {MAX_PRODUCTS_PER_EXHIBITOR}",
                    products.len()
                ),
            });
        }
        for (i, product) in products.iter().enumerate() {
            for e in validate::product(product) {
                if e.field != "exhibitor" {
                    errors.push(FieldError {
                        field: format!("products.{i}.{}", e.field),
                        message: e.message,
                    });
                }
            }
        }
        errors
    }

    /// Every image this edit names (logo first, then product pictures in order).
    pub fn images(&self) -> impl Iterator<Item = &str> {
        self.logo
            .as_deref()
            .into_iter()
            .chain(self.products.iter().filter_map(|p| p.image.as_deref()))
    }
}

/// The fields of [`ProfileEdit`] as [`validate::exhibitor`] names them.
const EXHIBITOR_FIELDS: [&str; 12] = [
    "name_en",
    "name_zh",
    "website",
    "email",
    "phone",
    "contact_name_en",
    "contact_name_zh",
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "logo",
];

/// The name an uploaded (re-encoded) image gets: its SHA-256 and its format's extension, so the
/// same picture uploaded twice is one file and a name can never point at other bytes.
pub fn uploaded_image_name(asset: &Asset) -> String {
    let ext = if asset.mime == "image/png" {
        "png"
    } else {
        "jpg"
    };
    format!("{}.{ext}", asset.sha256)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Exhibitor {
        Exhibitor {
            id: "ex-1".into(),
            name_en: "Acme".into(),
            country: Some("TH".into()),
            pavilion: Some("thailand".into()),
            booths: vec!["N1-A01".into()],
            categories: vec!["food".into()],
            ..Exhibitor::default()
        }
    }

    #[test]
    fn an_edit_never_changes_the_organisers_fields() {
        let edit = ProfileEdit {
            name_en: "  Acme Foods ".into(),
            phone: Some("+86 23 5550 1234".into()),
            ..ProfileEdit::default()
        };
        let (exhibitor, _) = edit.apply(&base());
        assert_eq!(exhibitor.id, "ex-1");
        assert_eq!(exhibitor.booths, vec!["N1-A01".to_owned()]);
        assert_eq!(exhibitor.pavilion.as_deref(), Some("thailand"));
        assert_eq!(exhibitor.name_en, "Acme Foods");
        assert_eq!(exhibitor.phone.as_deref(), Some("+862355501234"));
    }

    #[test]
    fn each_bad_field_gets_one_message_named_as_the_editor_names_it() {
        let edit = ProfileEdit {
            name_en: String::new(),
            email: Some("not-an-address".into()),
            website: Some("http://plain.example".into()),
            description_en: Some("x".repeat(validate::MAX_DESCRIPTION_CHARS + 1)),
            products: vec![
                ProductEdit {
                    name_en: "Good".into(),
                    ..ProductEdit::default()
                },
                ProductEdit {
                    name_en: "Bad\u{7}".into(),
                    ..ProductEdit::default()
                },
            ],
            ..ProfileEdit::default()
        };
        let fields: Vec<String> = edit.check(&base()).into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "name_en",
                "website",
                "email",
                "description_en",
                "products.1.name_en"
            ]
        );
    }

    #[test]
    fn html_is_text_like_any_other() {
        let edit = ProfileEdit {
            name_en: "<script>alert(1)</script>".into(),
            description_en: Some("<img src=x onerror=alert(1)>".into()),
            ..ProfileEdit::default()
        };
        assert!(edit.check(&base()).is_empty());
        let (exhibitor, _) = edit.apply(&base());
        assert_eq!(exhibitor.name_en, "<script>alert(1)</script>");
    }

    #[test]
    fn too_many_products_are_refused() {
        let edit = ProfileEdit {
            name_en: "Acme".into(),
            products: vec![
                ProductEdit {
                    name_en: "P".into(),
                    ..ProductEdit::default()
                };
                MAX_PRODUCTS_PER_EXHIBITOR + 1
            ],
            ..ProfileEdit::default()
        };
        let errors = edit.check(&base());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "products");
    }

    #[test]
    fn a_profile_read_back_from_its_record_is_the_same_edit() {
        let edit = ProfileEdit {
            name_en: "Acme".into(),
            name_zh: Some("阿克美".into()),
            logo: Some("acme.png".into()),
            products: vec![ProductEdit {
                name_en: "Rice".into(),
                image: Some("rice.jpg".into()),
                ..ProductEdit::default()
            }],
            ..ProfileEdit::default()
        };
        let (exhibitor, products) = edit.apply(&base());
        assert_eq!(ProfileEdit::of(&exhibitor, &products), edit);
        assert_eq!(edit.images().collect::<Vec<_>>(), ["acme.png", "rice.jpg"]);
    }
}
