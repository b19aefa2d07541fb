//! Image checks and re-encoding: PNG/JPEG in, explicit decoder limits, resized and
//! metadata-free PNG/JPEG out, addressed by SHA-256. OWNER: snapshot helper.
