//! Damaged vault files: every one gives a coded error or opens to data whose damage the
//! integrity check reports; never a panic, and the damaged file is never modified.

use rand::{Rng, SeedableRng};

use isms_core::ErrorCode;

use crate::support::{PASS, Scratch, fingerprint, stamp};

/// Makes a vault with a few pages of content and returns its bytes.
fn sample(s: &Scratch) -> Vec<u8> {
    let mut vault = s.vault("good.isms");
    for i in 0..40 {
        let mut org = isms_core::organisation::get(vault.reader()).unwrap();
        org.scope = format!(
            "Scope revision {i}: {}",
            "development and hosting ".repeat(40)
        );
        isms_core::organisation::update(&mut vault, stamp(i), org).unwrap();
    }
    vault.close().unwrap();
    std::fs::read(s.path("good.isms")).unwrap()
}

/// Opens `bytes` as a vault file; returns the error code, or None when it opened.
fn open_damaged(s: &Scratch, name: &str, bytes: &[u8]) -> Option<ErrorCode> {
    let path = s.path(name);
    std::fs::write(&path, bytes).unwrap();
    let before = fingerprint(&path);
    let outcome = match s.reopen(name, PASS) {
        Err(err) => Some(err.code),
        Ok(vault) => {
            // It opened: the damage must then be visible to the integrity check or harmless.
            let _ = vault.check();
            let _ = isms_core::organisation::get(vault.reader());
            drop(vault);
            None
        }
    };
    assert_eq!(
        fingerprint(&path).first(),
        before.first(),
        "{name}: the damaged file is unchanged"
    );
    outcome
}

#[test]
fn truncated_vaults_give_a_coded_error() {
    let s = Scratch::new();
    let good = sample(&s);
    assert!(good.len() >= 3 * 4096, "the sample spans several pages");
    for (i, len) in [
        0usize,
        1,
        15,
        16,
        100,
        1024,
        4095,
        4096,
        4097,
        good.len() / 2,
    ]
    .into_iter()
    .enumerate()
    {
        let code = open_damaged(&s, &format!("cut{i}.isms"), &good[..len.min(good.len())]);
        assert!(
            matches!(
                code,
                Some(ErrorCode::NotAVault | ErrorCode::WrongPassphraseOrDamaged) | None
            ),
            "truncated to {len}: {code:?}"
        );
        if len < 4096 {
            assert!(
                code.is_some(),
                "a file cut inside its first page cannot open ({len} bytes)"
            );
        }
    }
}

#[test]
fn damage_to_the_first_page_is_wrong_passphrase_or_damaged() {
    let s = Scratch::new();
    let good = sample(&s);
    let mut rng = rand::rngs::StdRng::seed_from_u64(27001);
    for i in 0..20 {
        let mut bad = good.clone();
        let at = rng.random_range(16..4096);
        bad[at] ^= 1 << rng.random_range(0..8);
        let code = open_damaged(&s, &format!("p1-{i}.isms"), &bad);
        assert_eq!(
            code,
            Some(ErrorCode::WrongPassphraseOrDamaged),
            "bit flip at {at}"
        );
    }
}

#[test]
fn random_damage_anywhere_never_panics_and_is_detected() {
    let s = Scratch::new();
    let good = sample(&s);
    let mut rng = rand::rngs::StdRng::seed_from_u64(9001);
    for i in 0..30 {
        let mut bad = good.clone();
        let at = rng.random_range(4096..bad.len());
        bad[at] ^= 0xFF;
        let path = s.path(&format!("r{i}.isms"));
        std::fs::write(&path, &bad).unwrap();
        if let Ok(vault) = s.reopen(&format!("r{i}.isms"), PASS) {
            let report = vault.check().unwrap();
            assert!(!report.ok, "the HMAC check finds a flipped byte at {at}");
        }
    }
}
