//! The snapshot file: schema, writer, read-only reader, manifest, signing and verification.
//! OWNER: snapshot helper.
