//! Accounts from the command line: users with a password read from standard input, their
//! roles in organisations, disabling, and API tokens whose secret is printed once, works
//! against the store, and stops working when revoked.

use super::*;
use handover_store::accounts;
use std::io::Write as _;
use std::process::Stdio;

const PASSWORD: &str = "a sensible passphrase";

/// Runs a command with `input` on its standard input.
fn run_with_stdin(db: &TestDb, dir: &Path, args: &[&str], input: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handover"));
    cmd.arg("--database")
        .arg(&db.url)
        .args(args)
        .current_dir(dir);
    for (k, _) in std::env::vars() {
        if k.starts_with("HANDOVER_") {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd
        .env("USER", "tester")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the handover binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// `user add` with a password on standard input, which must succeed.
fn add_user(db: &TestDb, dir: &Path, args: &[&str], password: &str) -> String {
    let mut all = vec!["user", "add"];
    all.extend_from_slice(args);
    let out = run_with_stdin(db, dir, &all, &format!("{password}\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{all:?} on {}: {stderr}", db.label);
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn users_members_and_tokens() {
    for db in TestDb::both().await {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        ok(&db, dir, &["init"]);
        for (code, kind) in [
            ("union-tyre", "union_of_municipalities"),
            ("dp-x", "development_partner"),
        ] {
            ok(
                &db,
                dir,
                &["org", "add", "--code", code, "--name", code, "--type", kind],
            );
        }

        // A user, with the password read from standard input.
        let added = add_user(
            &db,
            dir,
            &[
                "--email",
                "Rana@Example.org",
                "--name",
                "Rana Haddad",
                "--org",
                "union-tyre",
                "--role",
                "editor",
            ],
            PASSWORD,
        );
        assert!(
            added.contains("rana@example.org") && added.contains("editor of `union-tyre`"),
            "{added}"
        );
        assert!(!added.contains(PASSWORD));
        add_user(
            &db,
            dir,
            &["--email", "sami@example.org", "--name", "Sami"],
            "another good passphrase",
        );

        // Never from an argument; a short or missing password is refused with a sentence.
        let e = fails(
            &db,
            dir,
            2,
            &[
                "user",
                "add",
                "--email",
                "x@example.org",
                "--name",
                "X",
                "--password",
                PASSWORD,
            ],
        );
        assert!(e.contains("--password"), "{e}");
        let short = run_with_stdin(
            &db,
            dir,
            &["user", "add", "--email", "x@example.org", "--name", "X"],
            "short\n",
        );
        assert_eq!(short.status.code(), Some(1));
        let e = String::from_utf8_lossy(&short.stderr);
        assert!(e.contains("at least 10") && !e.contains("short\n"), "{e}");
        let empty = run_with_stdin(
            &db,
            dir,
            &["user", "add", "--email", "x@example.org", "--name", "X"],
            "",
        );
        assert!(String::from_utf8_lossy(&empty.stderr).contains("no password"));
        let again = run_with_stdin(
            &db,
            dir,
            &["user", "add", "--email", "rana@example.org", "--name", "R"],
            &format!("{PASSWORD}\n"),
        );
        assert!(String::from_utf8_lossy(&again.stderr).contains("--email"));
        let e = fails(
            &db,
            dir,
            2,
            &[
                "user",
                "add",
                "--email",
                "y@example.org",
                "--name",
                "Y",
                "--org",
                "dp-x",
            ],
        );
        assert!(e.contains("--role"), "{e}");

        // Roles in organisations.
        ok(
            &db,
            dir,
            &[
                "member",
                "add",
                "rana@example.org",
                "--org",
                "dp-x",
                "--role",
                "viewer",
            ],
        );
        let users = json(&db, dir, &["user", "list"]);
        let rana = users
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["email"] == "rana@example.org")
            .unwrap()
            .clone();
        assert_eq!(rana["memberships"].as_array().unwrap().len(), 2);
        assert!(!users.to_string().contains("argon2"), "no hashes shown");
        let text = ok(&db, dir, &["user", "list"]);
        assert!(
            text.contains("dp-x (viewer)") && text.contains("union-tyre (editor)"),
            "{text}"
        );
        let scoped = json(&db, dir, &["--as", "union-tyre", "user", "list"]);
        assert_eq!(scoped.as_array().unwrap().len(), 1, "{scoped}");
        let e = fails(
            &db,
            dir,
            1,
            &[
                "member",
                "add",
                "nobody@example.org",
                "--org",
                "dp-x",
                "--role",
                "viewer",
            ],
        );
        assert!(e.contains("nobody@example.org"), "{e}");
        ok(
            &db,
            dir,
            &["member", "remove", "rana@example.org", "--org", "dp-x"],
        );
        let e = fails(
            &db,
            dir,
            1,
            &["member", "remove", "rana@example.org", "--org", "dp-x"],
        );
        assert!(e.contains("does not belong"), "{e}");

        // A token: its secret is printed once, works, is listed without it, and is revoked.
        let made = json(
            &db,
            dir,
            &[
                "token",
                "create",
                "--user",
                "rana@example.org",
                "--name",
                "ci",
            ],
        );
        let secret = made["secret"].as_str().unwrap().to_owned();
        let id = made["id"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("hov_"));
        let text = ok(
            &db,
            dir,
            &[
                "token",
                "create",
                "--user",
                "rana@example.org",
                "--org",
                "union-tyre",
                "--name",
                "backup",
            ],
        );
        assert!(
            text.contains("shown this once") && text.contains("hov_"),
            "{text}"
        );
        let e = fails(
            &db,
            dir,
            1,
            &[
                "token",
                "create",
                "--user",
                "rana@example.org",
                "--org",
                "dp-x",
                "--name",
                "x",
            ],
        );
        assert!(e.contains("--org") && e.contains("union-tyre"), "{e}");
        {
            let store = db.store().await;
            let (user, actor) = accounts::actor_for_token(&store, &secret)
                .await
                .unwrap()
                .expect("the printed secret is a working token");
            assert_eq!(user.email, "rana@example.org");
            assert_eq!(actor.label(), "rana@example.org");
            store.close().await;
        }
        let listed = json(&db, dir, &["token", "list", "--user", "rana@example.org"]);
        assert_eq!(listed.as_array().unwrap().len(), 2);
        assert!(
            !listed.to_string().contains(&secret),
            "never listed with its secret"
        );
        let text = ok(&db, dir, &["token", "list", "--user", "rana@example.org"]);
        assert!(text.contains(&id) && text.contains("union-tyre"), "{text}");
        ok(
            &db,
            dir,
            &["token", "revoke", "--user", "rana@example.org", &id],
        );
        let listed = json(&db, dir, &["token", "list", "--user", "rana@example.org"]);
        let revoked = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id.as_str())
            .unwrap();
        assert!(revoked["revoked_at"].is_string(), "{revoked}");
        let e = fails(
            &db,
            dir,
            1,
            &["token", "revoke", "--user", "rana@example.org", &id],
        );
        assert!(e.contains("no active token"), "{e}");
        {
            let store = db.store().await;
            assert!(
                accounts::actor_for_token(&store, &secret)
                    .await
                    .unwrap()
                    .is_none(),
                "revoked at once"
            );
            store.close().await;
        }

        // Disabling and enabling.
        let out = ok(&db, dir, &["user", "disable", "rana@example.org"]);
        assert!(out.contains("Disabled"), "{out}");
        let users = json(&db, dir, &["user", "list"]);
        assert!(
            users
                .as_array()
                .unwrap()
                .iter()
                .any(|u| u["email"] == "rana@example.org" && u["disabled"] == true)
        );
        ok(
            &db,
            dir,
            &["user", "disable", "rana@example.org", "--enable"],
        );
        let e = fails(&db, dir, 1, &["user", "disable", "nobody@example.org"]);
        assert!(e.contains("nobody@example.org"), "{e}");

        // Every change is audited as the operator, with no secret in the trail.
        let trail = json(&db, dir, &["audit", "list"]);
        let text = trail.to_string();
        for entity in ["user", "membership", "api_token"] {
            assert!(
                trail
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["entity"] == entity && e["actor"] == "operator:tester"),
                "{entity}"
            );
        }
        assert!(!text.contains(&secret) && !text.contains(PASSWORD) && !text.contains("argon2"));
        db.cleanup().await;
    }
}
