//! Bilingual search: the index written at snapshot time and the queries a kiosk runs.
//! OWNER: search helper.
