//! Field rules shared by the importer and (later) the hub: lengths, e-mail, E.164 phone,
//! https URLs, colours. One place, so an import and an exhibitor's edit are judged alike.
//! OWNER: import helper.
