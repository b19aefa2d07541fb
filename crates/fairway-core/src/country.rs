//! ISO 3166-1 alpha-2 country codes with their English and Chinese names.
//! OWNER: import helper.
