//! The blocking client of the hub's exhibitor API ([`crate::api`]), for the app's exhibitor
//! mode and for tests and benchmarks. Plain `http://` (the hub listens on loopback or the fair's
//! own network; put a TLS proxy in front of it to reach it over the internet).
//!
//! Every answer is checked against the contract: a hub error comes back as
//! [`ClientError::Api`] with the hub's own message, a hub that cannot be reached as
//! [`ClientError::Unreachable`] (the editor queues the submission and tries again later).

use std::io::Read;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::{
    API, ApiError, ImageRole, OwnProfile, Session, SignIn, SubmissionStatus, Submit, UploadedImage,
};

/// The largest answer the client reads (an image: the hub re-encodes to well under this).
const MAX_ANSWER_BYTES: u64 = 16 << 20;

/// Why a call to the hub failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The hub address is not an `http://` URL.
    #[error("{0:?} is not a hub address; write it as http://HOST:PORT")]
    BadAddress(String),
    /// No answer: the hub is down, the network is gone, or the call timed out.
    #[error("the hub at {hub} cannot be reached: {detail}")]
    Unreachable { hub: String, detail: String },
    /// The hub answered with an error.
    #[error("{0}")]
    Api(ApiError),
    /// The hub answered something that is not the contract.
    #[error("the hub at {hub} answered something unexpected: {detail}")]
    Protocol { hub: String, detail: String },
}

impl ClientError {
    /// Whether trying again later may succeed without anyone changing anything.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, ClientError::Unreachable { .. })
    }
}

/// One hub, by its base address (`http://127.0.0.1:8787`).
#[derive(Debug, Clone)]
pub struct HubClient {
    base: String,
    agent: ureq::Agent,
}

impl HubClient {
    /// A client for the hub at `base`; nothing is sent yet.
    pub fn new(base: &str) -> Result<HubClient, ClientError> {
        let base = base.trim().trim_end_matches('/');
        let rest = base
            .strip_prefix("http://")
            .ok_or_else(|| ClientError::BadAddress(base.to_owned()))?;
        if rest.is_empty() || rest.contains(['/', '?', '#', ' ']) {
            return Err(ClientError::BadAddress(base.to_owned()));
        }
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(60)))
            .build();
        Ok(HubClient {
            base: base.to_owned(),
            agent: ureq::Agent::new_with_config(config),
        })
    }

    /// The hub's base address.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Signs in with an access code.
    pub fn sign_in(&self, code: &str) -> Result<Session, ClientError> {
        let body = SignIn {
            code: code.to_owned(),
        };
        self.json(self.agent.post(self.url("/session")), None, &body)
    }

    /// The signed-in exhibitor's current profile.
    pub fn profile(&self, token: &str) -> Result<OwnProfile, ClientError> {
        let request = self.agent.get(self.url("/profile"));
        let response = auth(request, token)
            .call()
            .map_err(|e| self.unreachable(e))?;
        self.answer(response)
    }

    /// Uploads one picture for the hub to check and re-encode.
    pub fn upload_image(
        &self,
        token: &str,
        role: ImageRole,
        bytes: &[u8],
    ) -> Result<UploadedImage, ClientError> {
        // The hub answers 413 before reading such a body and closes the connection, which a
        // client still sending sees as a broken pipe ("unreachable", and the editor would retry
        // forever). The same refusal is given here without sending.
        if bytes.len() > crate::api::MAX_BODY_BYTES {
            return Err(ClientError::Api(ApiError::new(
                crate::api::ErrorCode::TooLarge,
                format!(
                    "the picture is {} bytes; the hub takes at most {} bytes (5 MiB)",
                    bytes.len(),
                    fairway_core::media::MAX_FILE_BYTES
                ),
            )));
        }
        let url = format!("{}?role={}", self.url("/images"), role.as_str());
        let request =
            auth(self.agent.post(url), token).header("content-type", "application/octet-stream");
        let response = request.send(bytes).map_err(|e| self.unreachable(e))?;
        self.answer(response)
    }

    /// One image the signed-in exhibitor may see (its own uploads and its profile's pictures):
    /// the content type and the bytes.
    pub fn image(&self, token: &str, name: &str) -> Result<(String, Vec<u8>), ClientError> {
        let url = self.url(&format!("/images/{name}"));
        let response = auth(self.agent.get(url), token)
            .call()
            .map_err(|e| self.unreachable(e))?;
        let status = response.status().as_u16();
        let mime = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/octet-stream")
            .to_owned();
        let bytes = self.read(response)?;
        if status != 200 {
            return Err(self.error(status, &bytes));
        }
        Ok((mime, bytes))
    }

    /// Submits an edited profile for review.
    pub fn submit(&self, token: &str, submit: &Submit) -> Result<SubmissionStatus, ClientError> {
        self.json(
            self.agent.post(self.url("/submissions")),
            Some(token),
            submit,
        )
    }

    /// The signed-in exhibitor's submissions, newest first.
    pub fn submissions(&self, token: &str) -> Result<Vec<SubmissionStatus>, ClientError> {
        let response = auth(self.agent.get(self.url("/submissions")), token)
            .call()
            .map_err(|e| self.unreachable(e))?;
        self.answer(response)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{API}{path}", self.base)
    }

    fn json<T: DeserializeOwned>(
        &self,
        request: ureq::RequestBuilder<ureq::typestate::WithBody>,
        token: Option<&str>,
        body: &impl Serialize,
    ) -> Result<T, ClientError> {
        let body = serde_json::to_vec(body).map_err(|e| ClientError::Protocol {
            hub: self.base.clone(),
            detail: e.to_string(),
        })?;
        let request = match token {
            Some(token) => auth(request, token),
            None => request,
        };
        let response = request
            .header("content-type", "application/json")
            .send(&body[..])
            .map_err(|e| self.unreachable(e))?;
        self.answer(response)
    }

    fn answer<T: DeserializeOwned>(
        &self,
        response: ureq::http::Response<ureq::Body>,
    ) -> Result<T, ClientError> {
        let status = response.status().as_u16();
        let bytes = self.read(response)?;
        if !(200..300).contains(&status) {
            return Err(self.error(status, &bytes));
        }
        serde_json::from_slice(&bytes).map_err(|e| ClientError::Protocol {
            hub: self.base.clone(),
            detail: format!("HTTP {status}: {e}"),
        })
    }

    fn read(&self, response: ureq::http::Response<ureq::Body>) -> Result<Vec<u8>, ClientError> {
        let mut bytes = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(MAX_ANSWER_BYTES)
            .read_to_end(&mut bytes)
            .map_err(|e| self.unreachable(e))?;
        Ok(bytes)
    }

    fn error(&self, status: u16, bytes: &[u8]) -> ClientError {
        match serde_json::from_slice::<ApiError>(bytes) {
            Ok(error) => ClientError::Api(error),
            Err(_) => ClientError::Protocol {
                hub: self.base.clone(),
                detail: format!("HTTP {status} without an error body"),
            },
        }
    }

    fn unreachable(&self, e: impl std::fmt::Display) -> ClientError {
        ClientError::Unreachable {
            hub: self.base.clone(),
            detail: e.to_string(),
        }
    }
}

fn auth<B>(request: ureq::RequestBuilder<B>, token: &str) -> ureq::RequestBuilder<B> {
    request.header("authorization", format!("Bearer {token}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_addresses_are_hub_addresses() {
        assert!(HubClient::new("http://127.0.0.1:8787").is_ok());
        assert_eq!(
            HubClient::new("http://127.0.0.1:8787/")
                .map(|c| c.base().to_owned())
                .ok(),
            Some("http://127.0.0.1:8787".to_owned())
        );
        for bad in [
            "",
            "127.0.0.1:8787",
            "ftp://hub",
            "http://",
            "http://hub/path",
        ] {
            assert!(
                matches!(HubClient::new(bad), Err(ClientError::BadAddress(_))),
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn a_hub_that_is_not_there_is_unreachable_not_an_error_of_the_exhibitor() {
        // Port 9 (discard) on loopback: nothing listens there in a test machine.
        let client = HubClient::new("http://127.0.0.1:9").expect("address");
        let error = client.sign_in("code").expect_err("nothing listens");
        assert!(error.is_unreachable(), "{error:?}");
    }
}
