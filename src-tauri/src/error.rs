//! The one error that crosses to the interface: `{code, message}`, where `code` is a small enum
//! the UI can branch on (mirrored in TypeScript through ts-rs) and `message` is one line.

use fairway_core::route::RouteError;
use fairway_core::snapshot::SnapshotError;
use serde::Serialize;
use ts_rs::TS;

/// What kind of failure the interface is looking at. Add a code only when the UI needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The pavilion or exhibitor asked for is not in this snapshot (a stale link, a hot-swap).
    NotFound,
    /// The snapshot could not be opened or read.
    Snapshot,
    /// No walkable route to the booth (step-free asked where only stairs lead, or aisles that
    /// do not connect): the map shows the message and keeps the booth and the toggle.
    NoRoute,
    /// Exhibitor mode: the hub address is not `http://HOST:PORT`.
    BadAddress,
    /// Exhibitor mode: the access code is wrong, revoked or unknown.
    BadCode,
    /// Exhibitor mode: too many wrong codes; the message says how many seconds to wait.
    SlowDown,
    /// Exhibitor mode: the hub cannot be reached (down, no network, timed out).
    Unreachable,
    /// Exhibitor mode: no session, or it expired: the editor goes back to sign-in.
    SignedOut,
    /// Exhibitor mode: a picture was refused (not PNG/JPEG, too large, corrupt, a bomb).
    BadImage,
    /// Exhibitor mode: the draft file cannot be read or written.
    Draft,
    /// Anything else: a bug, a worker that died. The interface shows a generic problem.
    Internal,
}

/// A command's error as the interface receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[ts(rename = "BackendError")]
#[error("{message}")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CommandError {
            code,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

impl From<RouteError> for CommandError {
    fn from(e: RouteError) -> Self {
        let code = match &e {
            RouteError::UnknownPlace(_) | RouteError::UnknownBooth(_) => ErrorCode::NotFound,
            RouteError::NoWalkableEdge(_)
            | RouteError::KioskNotWalkable(_)
            | RouteError::NoStepFreeRoute { .. }
            | RouteError::NoRoute { .. } => ErrorCode::NoRoute,
            RouteError::Data(_) | RouteError::Sqlite(_) => ErrorCode::Snapshot,
        };
        Self::new(code, e.to_string())
    }
}

impl From<SnapshotError> for CommandError {
    fn from(e: SnapshotError) -> Self {
        Self::new(ErrorCode::Snapshot, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialise_as_code_and_message_with_snake_case_codes() {
        let cases = [
            (CommandError::not_found("no exhibitor E9"), "not_found"),
            (
                CommandError::new(ErrorCode::Snapshot, "bad file"),
                "snapshot",
            ),
            (CommandError::internal("worker died"), "internal"),
            (
                CommandError::new(ErrorCode::NoRoute, "stairs only"),
                "no_route",
            ),
        ];
        for (error, code) in cases {
            let json = serde_json::to_value(&error).expect("errors serialise");
            assert_eq!(
                json,
                serde_json::json!({ "code": code, "message": error.message }),
                "the interface branches on exactly this shape"
            );
        }
    }

    #[test]
    fn the_typescript_error_code_lists_exactly_the_rust_codes() {
        let decl = ErrorCode::decl();
        assert!(
            decl.contains(
                r#""not_found" | "snapshot" | "no_route" | "bad_address" | "bad_code" | "slow_down" | "unreachable" | "signed_out" | "bad_image" | "draft" | "internal""#
            ),
            "generated declaration: {decl}"
        );
    }
}
