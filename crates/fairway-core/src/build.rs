//! `fairway build`: source folder → snapshot file + manifest (+ signature), atomically.
//! OWNER: snapshot helper.
