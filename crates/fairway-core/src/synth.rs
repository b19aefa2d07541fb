//! Deterministic synthetic fair source folders for scale tests (`fairway synth`).
//! OWNER: demo/synth helper.
