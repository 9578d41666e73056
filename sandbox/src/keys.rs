//! The gateway's keys (webhook signing, card envelopes) and the owner-only files they are kept in.

use paykka_protocol::cardenc::CardKey;
use paykka_protocol::sign::{SigningKey, VerifyingKeys};
use std::path::Path;

/// The gateway's webhook keys. Rotation is in two steps: a next key is announced (published
/// beside the current one, so that merchants add it), then it replaces the current one, which is
/// no longer used (every delivery attempt is signed afresh, with the current key).
pub struct GatewayKeys {
    /// Signs every webhook.
    pub current: SigningKey,
    /// Announced, not signing yet.
    pub next: Option<SigningKey>,
}

impl GatewayKeys {
    /// What merchants should accept: the current key, then the next one if announced.
    pub fn published(&self) -> VerifyingKeys {
        VerifyingKeys::new(
            std::iter::once(&self.current)
                .chain(self.next.as_ref())
                .map(|k| k.verifying_key().clone()),
        )
    }
}

/// The gateway's card keys (see `AppState::card_keys`).
pub struct CardKeys {
    pub current: CardKey,
    pub previous: Option<CardKey>,
}

impl CardKeys {
    /// The key an envelope names, current or previous.
    pub fn by_kid(&self, kid: &str) -> Option<&CardKey> {
        std::iter::once(&self.current)
            .chain(self.previous.as_ref())
            .find(|k| k.kid() == kid)
    }
}

/// Why the sandbox could not start, or could not keep a key it was given.
#[derive(Debug)]
pub struct StartError(pub String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for StartError {}

/// The key `name`: given (`given`), else read from `dir`, else generated there (first start).
pub(crate) fn load_or_generate(
    dir: &Path,
    name: &str,
    given: &Option<String>,
) -> Result<SigningKey, StartError> {
    if let Some(pem) = given {
        return SigningKey::from_pem(pem).map_err(|e| StartError(format!("{name}: {e}")));
    }
    let path = dir.join(name);
    if path.exists() {
        let pem = std::fs::read_to_string(&path)
            .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
        return SigningKey::from_pem(&pem)
            .map_err(|e| StartError(format!("{}: {e}", path.display())));
    }
    eprintln!(
        "paykka-sandbox: generating {} (first start)",
        path.display()
    );
    let key = SigningKey::generate(2048).map_err(|e| StartError(e.to_string()))?;
    write_private(&path, &key.to_pkcs8_pem())?;
    Ok(key)
}

/// Replaces a private key file (owner-only) by writing a temporary file and renaming it.
pub(crate) fn replace_private(path: &Path, contents: &str) -> Result<(), StartError> {
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    write_private(&tmp, contents)?;
    std::fs::rename(&tmp, path).map_err(|e| StartError(format!("{}: {e}", path.display())))
}

/// Writes a private key file readable by the owner only.
pub fn write_private(path: &Path, contents: &str) -> Result<(), StartError> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| StartError(format!("{}: {e}", path.display())))?;
    f.write_all(contents.as_bytes())
        .map_err(|e| StartError(format!("{}: {e}", path.display())))
}
