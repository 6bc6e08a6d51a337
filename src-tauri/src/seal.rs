//! Passphrases cross from the page to the shell sealed, never as plain text. Before each
//! command that carries a passphrase the page asks for a one-time public key
//! (`vault_sealing_key`); it makes its own key pair with WebCrypto, agrees a secret with ECDH on
//! P-256, hashes it with SHA-256 into an AES-256-GCM key and seals each passphrase with a fresh
//! nonce. The shell opens them with the one-time private key, which is then dropped (and
//! wiped), so it opens exactly one command's passphrases.
//!
//! Why: the request body of a command passes through WebKit's own buffers in the app process,
//! which the app cannot wipe. Sealed, those buffers only ever hold ciphertext for a key that no
//! longer exists once the command has run, so after the vault locks no copy of the passphrase
//! is left in the app process (tests/e2e/specs/zeroise.e2e.mjs reads its memory to check).

use std::sync::Mutex;

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use isms_core::{ErrorCode, Passphrase};
use p256::ecdh::EphemeralSecret;
use p256::{EncodedPoint, PublicKey};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::error::{IpcError, IpcResult};

/// Binds a sealed value to its purpose: the AES-GCM associated data on both sides.
pub const CONTEXT: &[u8] = b"ISMS Desk passphrase v1";

/// A passphrase as the page sends it, every field hex: the page's one-time public key (SEC1,
/// uncompressed), the 12-byte nonce, and the ciphertext with its 16-byte tag.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct Sealed {
    pub key: String,
    pub nonce: String,
    pub sealed: String,
}

/// The one-time private key of the next command that carries passphrases.
#[derive(Default)]
pub struct Sealer {
    next: Mutex<Option<EphemeralSecret>>,
}

fn failed(why: &str) -> IpcError {
    IpcError::new(
        ErrorCode::Internal,
        format!("The passphrase did not reach the app intact ({why}). Please try again."),
    )
}

impl Sealer {
    /// A fresh one-time key pair; returns the public half (SEC1 uncompressed, hex). It replaces
    /// any earlier one not used yet.
    pub fn new_key(&self) -> String {
        let secret = EphemeralSecret::random(&mut rand_core::OsRng);
        let public = EncodedPoint::from(secret.public_key());
        *self.next.lock().unwrap_or_else(|p| p.into_inner()) = Some(secret);
        hex::encode(public.as_bytes())
    }

    /// Drops a key not used yet (on lock), so nothing sealed to it can be opened any more.
    pub fn forget(&self) {
        self.next.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    /// Opens the `N` passphrases of one command with the current one-time key, which is used up
    /// whatever the outcome.
    pub fn open<const N: usize>(&self, sealed: [Sealed; N]) -> IpcResult<[Passphrase; N]> {
        let secret = self
            .next
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .ok_or_else(|| failed("no sealing key was asked for"))?;
        let mut opened = Vec::with_capacity(N);
        for one in sealed {
            opened.push(open_one(&secret, &one)?);
        }
        Ok(opened.try_into().unwrap_or_else(|_| unreachable!()))
    }
}

fn open_one(secret: &EphemeralSecret, sealed: &Sealed) -> IpcResult<Passphrase> {
    let theirs = hex::decode(&sealed.key)
        .ok()
        .and_then(|bytes| PublicKey::from_sec1_bytes(&bytes).ok())
        .ok_or_else(|| failed("the page's key is not a P-256 point"))?;
    let nonce = hex::decode(&sealed.nonce)
        .ok()
        .filter(|n| n.len() == 12)
        .ok_or_else(|| failed("the nonce is not 12 bytes"))?;
    let mut buffer =
        hex::decode(&sealed.sealed).map_err(|_| failed("the ciphertext is not hex"))?;
    let shared = secret.diffie_hellman(&theirs);
    let key = Zeroizing::new(<[u8; 32]>::from(Sha256::digest(
        shared.raw_secret_bytes().as_slice(),
    )));
    let cipher = Aes256Gcm::new_from_slice(key.as_slice()).map_err(|_| failed("key size"))?;
    cipher
        .decrypt_in_place(Nonce::from_slice(&nonce), CONTEXT, &mut buffer)
        .map_err(|_| failed("it does not open with this app's key"))?;
    // `buffer` now holds the plain text; it becomes the passphrase without another copy.
    let text = String::from_utf8(buffer).map_err(|e| {
        drop(Zeroizing::new(e.into_bytes()));
        failed("it is not UTF-8")
    })?;
    Ok(Passphrase::new(text))
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use aes_gcm::aead::Aead;

    /// Seals `text` for the public key `to` as the page does (the page uses WebCrypto).
    pub fn seal_for(to: &str, text: &str) -> Sealed {
        let ours = EphemeralSecret::random(&mut rand_core::OsRng);
        let theirs = PublicKey::from_sec1_bytes(&hex::decode(to).unwrap()).unwrap();
        let shared = ours.diffie_hellman(&theirs);
        let key = Sha256::digest(shared.raw_secret_bytes().as_slice());
        let nonce = [7u8; 12];
        let sealed = Aes256Gcm::new_from_slice(&key)
            .unwrap()
            .encrypt(
                Nonce::from_slice(&nonce),
                aes_gcm::aead::Payload {
                    msg: text.as_bytes(),
                    aad: CONTEXT,
                },
            )
            .unwrap();
        Sealed {
            key: hex::encode(EncodedPoint::from(ours.public_key()).as_bytes()),
            nonce: hex::encode(nonce),
            sealed: hex::encode(sealed),
        }
    }

    fn same(a: &Passphrase, b: &str) -> bool {
        a.matches(&Passphrase::new(b.into()))
    }

    #[test]
    fn opens_what_was_sealed_for_its_key_once() {
        let sealer = Sealer::default();
        let public = sealer.new_key();
        let [current, new] = sealer
            .open([
                seal_for(&public, "the current passphrase"),
                seal_for(&public, "the new one, with ü and 🔑"),
            ])
            .expect("opens");
        assert!(same(&current, "the current passphrase"));
        assert!(same(&new, "the new one, with ü and 🔑"));
        // The key is used up: the same sealed value does not open twice.
        let again = sealer.open([seal_for(&public, "replayed")]);
        assert_eq!(again.err().map(|e| e.code), Some(ErrorCode::Internal));
    }

    #[test]
    fn refuses_a_value_sealed_for_another_key_or_tampered_with() {
        let sealer = Sealer::default();
        let stale = sealer.new_key();
        let _current = sealer.new_key();
        let err = sealer
            .open([seal_for(&stale, "for the old key")])
            .err()
            .unwrap();
        assert!(err.message.contains("does not open"), "{}", err.message);

        let public = sealer.new_key();
        let mut tampered = seal_for(&public, "flip one bit");
        let mut bytes = hex::decode(&tampered.sealed).unwrap();
        bytes[0] ^= 1;
        tampered.sealed = hex::encode(bytes);
        assert!(sealer.open([tampered]).is_err());

        sealer.new_key();
        let junk = Sealed {
            key: "04zz".into(),
            nonce: "00".into(),
            sealed: String::new(),
        };
        let err = sealer.open([junk]).err().unwrap();
        assert!(err.message.contains("P-256"), "{}", err.message);
    }

    #[test]
    fn refuses_anything_before_a_key_was_asked_for() {
        let sealer = Sealer::default();
        let err = sealer.open([seal_for(&Sealer::default().new_key(), "x")]);
        assert!(err.err().unwrap().message.contains("no sealing key"));
    }
}
