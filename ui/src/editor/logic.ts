//! The editor's logic without the screen: character counts against the limits, field errors by
//! name, product list edits, the save queue behind the "Saved" indicator, and sign-in errors in
//! plain words. Everything here is covered by vitest over the fake backend.
import type { BackendError } from "../bindings/BackendError";
import type { EditLimits } from "../bindings/EditLimits";
import type { FieldError } from "../bindings/FieldError";
import type { Language } from "../bindings/Language";
import type { ProductEdit } from "../bindings/ProductEdit";
import type { ProfileEdit } from "../bindings/ProfileEdit";
import { translate } from "../lib/i18n";

/** Characters as Rust counts them (Unicode scalar values), so the counter agrees with the hub. */
export function charCount(value: string | null | undefined): number {
  return [...(value ?? "")].length;
}

/** The limit of a field named as `ProfileEdit::check` names it (`products.2.name_zh`). */
export function limitOf(field: string, limits: EditLimits): number | null {
  const base = field.replace(/^products\.\d+\./, "product.").replace(/_(en|zh)$/, "");
  switch (base) {
    case "name":
      return limits.name;
    case "contact_name":
      return limits.contact_name;
    case "title":
      return limits.title;
    case "email":
      return limits.email;
    case "website":
      return limits.website;
    case "description":
      return limits.description;
    case "product.name":
      return limits.product_name;
    case "product.description":
      return limits.product_description;
    default:
      return null;
  }
}

/** One message per field (the first wins), for showing each next to its field. */
export function errorsByField(...lists: FieldError[][]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const list of lists)
    for (const e of list) if (!byField.has(e.field)) byField.set(e.field, e.message);
  return byField;
}

/** Optional text as the draft keeps it: an empty box is no value. */
export function optional(value: string): string | null {
  return value === "" ? null : value;
}

export function emptyProduct(): ProductEdit {
  return { name_en: "", name_zh: null, description_en: null, description_zh: null, image: null };
}

/** The products with the one at `from` moved to `to` (both clamped to the list). */
export function moveProduct(products: ProductEdit[], from: number, to: number): ProductEdit[] {
  const list = [...products];
  if (from < 0 || from >= list.length) return list;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [item] = list.splice(from, 1);
  if (item) list.splice(target, 0, item);
  return list;
}

export type SaveState = "saved" | "saving" | "failed";

/**
 * Saves every change of the draft in order, one call at a time, always the newest edit: a
 * change made while a save is on its way is saved right after it. `state` is "saved" only when
 * the backend acknowledged the newest change, so the indicator never claims more than is on
 * disk.
 */
export class SaveQueue {
  state: SaveState = "saved";
  revision = 0;
  error: BackendError | null = null;
  private pending: ProfileEdit | null = null;
  private running = false;
  private changes = 0;

  constructor(
    private readonly save: (edit: ProfileEdit) => Promise<number>,
    private readonly onChange: (q: SaveQueue) => void = () => {},
  ) {}

  /** Records a change; resolves once it (or a newer one) is acknowledged or failed. */
  change(edit: ProfileEdit): Promise<void> {
    this.changes += 1;
    this.pending = structuredClone(edit);
    this.state = "saving";
    this.onChange(this);
    return this.run();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending) {
        const edit = this.pending;
        const change = this.changes;
        this.pending = null;
        try {
          const revision = await this.save(edit);
          this.revision = Math.max(this.revision, revision);
          this.error = null;
          if (change === this.changes) this.state = "saved";
        } catch (e) {
          this.error = e as BackendError;
          this.state = "failed";
          // Keep the edit: the next change (or retry) saves the newest draft.
          if (!this.pending) this.pending = edit;
          this.onChange(this);
          return;
        }
        this.onChange(this);
      }
    } finally {
      this.running = false;
    }
  }

  /** Tries the newest unsaved edit again after a failure. */
  retry(): Promise<void> {
    if (this.pending) {
      this.state = "saving";
      this.onChange(this);
    }
    return this.run();
  }
}

/** What the sign-in screen says for an error, in plain words, in `lang`. */
export function signInMessage(error: BackendError, lang: Language): string {
  switch (error.code) {
    case "bad_code":
      return translate("ed_badCode", lang);
    case "slow_down": {
      const seconds = /(\d+)\s*s\b/.exec(error.message)?.[1];
      return seconds
        ? translate("ed_slowDownFor", lang, { n: seconds })
        : translate("ed_slowDown", lang);
    }
    case "unreachable":
      return translate("ed_unreachable", lang);
    case "bad_address":
      return translate("ed_badAddress", lang);
    default:
      return error.message;
  }
}

/** The draft with whitespace-only optional fields kept as typed: the hub normalises on submit. */
export function withField(edit: ProfileEdit, field: keyof ProfileEdit, value: string): ProfileEdit {
  if (field === "products") return edit;
  if (field === "name_en") return { ...edit, name_en: value };
  return { ...edit, [field]: optional(value) };
}

export function withProductField(
  edit: ProfileEdit,
  index: number,
  field: keyof ProductEdit,
  value: string | null,
): ProfileEdit {
  const products = edit.products.map((p, i) =>
    i !== index
      ? p
      : field === "name_en"
        ? { ...p, name_en: value ?? "" }
        : { ...p, [field]: value === null ? null : optional(value) },
  );
  return { ...edit, products };
}

/** Bytes as people read them: "38.2 KB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
