"""Outside check: a vault written by ISMS Desk opens in another SQLCipher 4 implementation.

Creates a vault with the `isms` CLI, then opens it with PyPI's sqlcipher3 given only the
passphrase (SQLCipher 4 defaults), and reads the organisation back. Prints a closing line in
the 'N passed, N failed' form.
"""

import os
import subprocess
import sys
import tempfile

import sqlcipher3

PASS = "an outside tool can open this"
ORG = "Łukasz Wąs & Søren Ødegård Ltd"


def main() -> int:
    isms = sys.argv[1]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        vault = os.path.join(tmp, "outside.isms")
        env = dict(os.environ, ISMS_PASSPHRASE=PASS, ISMS_BACKUP_DIR=os.path.join(tmp, "b"))
        subprocess.run([isms, "new", vault, "--org", ORG], env=env, check=True, capture_output=True)

        conn = sqlcipher3.connect(vault)
        conn.execute("PRAGMA key = '" + PASS.replace("'", "''") + "'")
        name = conn.execute("SELECT name FROM organisation").fetchone()[0]
        conn.close()
        if name == ORG:
            print("ok: sqlcipher3 reads the organisation with only the passphrase")
        else:
            print(f"FAILED: expected {ORG!r}, read {name!r}")
            failed += 1

        wrong = sqlcipher3.connect(vault)
        wrong.execute("PRAGMA cipher_log_level = NONE")
        wrong.execute("PRAGMA key = 'not the passphrase'")
        try:
            wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()
            print("FAILED: a wrong passphrase opened the vault")
            failed += 1
        except sqlcipher3.DatabaseError:
            print("ok: a wrong passphrase does not open it")
    print(f"{2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
