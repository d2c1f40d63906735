//! The window on the office screen: a place saved on a screen that is gone is brought back onto
//! the work area; the size and place the user leaves are kept for the next start; a second start
//! hands over to the running window.

use std::process::Stdio;

use sanliang::paths::Setting;

use crate::harness::{stage_env, App, Options, R};

const STATE_FILE: &str = "window-state.json";

/// The saved state of the main window as tauri-plugin-window-state writes it.
fn saved(x: i32, y: i32, width: u32, height: u32) -> Vec<u8> {
    serde_json::json!({ "main": {
        "width": width, "height": height, "x": x, "y": y, "prev_x": x, "prev_y": y,
        "maximized": false, "visible": true, "decorated": true, "fullscreen": false
    }})
    .to_string()
    .into_bytes()
}

/// The window's outer rectangle and the screen's work area, as the page sees them.
async fn rects(app: &App) -> R<((i64, i64, i64, i64), (i64, i64))> {
    let (x, y, w, h) = app.client.get_window_rect().await?;
    let work = app.client.execute("return [screen.availWidth, screen.availHeight]", vec![]).await?;
    let work: Vec<i64> = serde_json::from_value(work)?;
    Ok(((x as i64, y as i64, w as i64, h as i64), (work[0], work[1])))
}

pub async fn a_window_left_off_the_screen_comes_back_and_its_place_is_kept_between_starts() -> R {
    // Last closed on a second screen to the right, which is gone now.
    let files = vec![(STATE_FILE, saved(2000, 900, 1200, 700))];
    let data = App::session(Options { files, ..Options::default() }, "window-off-screen", async |app: &App| {
        let ((x, y, w, h), (aw, ah)) = rects(app).await?;
        assert!(x >= 0 && y >= 0 && x + w <= aw && y + h <= ah, "window {x},{y} {w}×{h} on a {aw}×{ah} work area");
        assert_eq!((w, h), (1366.min(aw), 768.min(ah)), "the default size, shrunk to the work area");
        // The new place is saved soon after, not only at a clean exit.
        let file = app.data.path().join(STATE_FILE);
        let mut state = serde_json::Value::Null;
        for _ in 0..100 {
            state = serde_json::from_slice(&std::fs::read(&file)?)?;
            if state["main"]["x"] == x {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!((&state["main"]["x"], &state["main"]["y"]), (&x.into(), &y.into()), "{state}");
        Ok(())
    })
    .await?;

    // A place on the screen is kept as the user left it.
    std::fs::write(data.path().join(STATE_FILE), saved(120, 40, 1100, 660))?;
    App::run_with(Options { data: Some(data), ..Options::default() }, "window-kept", async |app: &App| {
        let ((x, y, w, h), _) = rects(app).await?;
        assert_eq!((x, y, w, h), (120, 40, 1100, 660));
        Ok(())
    })
    .await
}

pub async fn a_second_start_hands_over_to_the_running_window_and_opens_no_other() -> R {
    App::run("second-start", async |app: &App| {
        let mut second = std::process::Command::new(crate::harness::application());
        second.args([
            Setting::DataDir.flag(),
            &app.data.path().display().to_string(),
            Setting::Today.flag(),
            "2026-11-28",
        ]);
        for setting in Setting::ALL {
            second.env_remove(setting.env());
        }
        let mut second = second.envs(stage_env()?).stdout(Stdio::null()).stderr(Stdio::null()).spawn()?;
        // It hands its start to the running window and ends at once, successfully.
        let mut status = None;
        for _ in 0..300 {
            status = second.try_wait()?;
            if status.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let Some(status) = status else {
            second.kill()?;
            return Err("a second start opened a second window instead of handing over".into());
        };
        assert!(status.success(), "{status}");
        let log = std::fs::read_dir(app.data.path().join("logs"))?
            .map(|f| std::fs::read_to_string(f?.path()))
            .collect::<Result<String, _>>()?;
        assert_eq!(log.matches("second start").count(), 1, "{log}");
        assert_eq!(log.matches(" start version=").count(), 1, "one app started: {log}");
        // The running window still works.
        app.click("menu-about").await?;
        app.wait_text("about-version", |t| t == env!("CARGO_PKG_VERSION")).await?;
        Ok(())
    })
    .await
}

/// Each page, and the actions a secretary comes to it for (its main buttons).
const PAGES: [(&str, &[&str]); 19] = [
    ("menu-home", &["home-reminders"]),
    ("menu-roster", &["member-add", "print-picked-open", "mark-open"]),
    ("menu-identity", &["identity-mark"]),
    ("menu-posts", &["post-add"]),
    ("menu-pledges", &["pledge-add", "pledges-copy"]),
    ("menu-pairings", &["pairing-add"]),
    ("menu-leaders", &["visit-add"]),
    ("menu-deputies", &["deputies-scope"]),
    ("menu-volunteering", &["activity-add"]),
    ("menu-schedule", &["schedule-add", "schedule-copy"]),
    ("menu-review", &["review-ledgers", "review-report", "review-copy"]),
    ("menu-exchange", &["exchange-export", "exchange-import"]),
    ("menu-print", &["print-save", "print-direct", "print-settings"]),
    ("menu-orgs", &["org-add-root"]),
    ("menu-backup", &["backup-now", "backup-restore"]),
    ("menu-history", &["history-operator-save", "history-area"]),
    ("menu-bin", &["bin-empty"]),
    ("menu-help", &["help-toc-visit"]),
    ("menu-about", &["about-diagnostics"]),
];

pub async fn at_its_smallest_size_every_page_keeps_its_actions_in_view() -> R {
    let files = vec![(STATE_FILE, saved(0, 0, 1024, 640))];
    App::run_with(Options { files, ..Options::default() }, "window-smallest", async |app: &App| {
        let ((_, _, w, h), _) = rects(app).await?;
        assert_eq!((w, h), (1024, 640), "the smallest size the window allows");
        app.load_demo().await?;
        for (menu, actions) in PAGES {
            app.click(menu).await?;
            for id in actions {
                // Inside the window's width, and a button's height (a panel's first line) within
                // its height, without scrolling the page.
                app.wait_until(
                    &format!("//*[@data-testid='{id}']"),
                    "const r = els.length && els[0].getBoundingClientRect();
                     return r && r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.top + Math.min(r.height, 32) <= innerHeight ? true : null;",
                )
                .await
                .map_err(|e| format!("{id} on {menu} is not in view at 1024×640: {e}"))?;
            }
            // Nothing pushes the window or its page area sideways.
            let wide = app
                .client
                .execute(
                    "const main = document.querySelector('.el-main');
                     return Math.max(document.documentElement.scrollWidth - innerWidth, main.scrollWidth - main.clientWidth)",
                    vec![],
                )
                .await?;
            assert!(wide.as_i64().unwrap_or(1) <= 0, "{menu} is {wide} px wider than the window");
            app.screenshot(&format!("70-smallest-{}", menu.trim_start_matches("menu-"))).await?;
        }
        Ok(())
    })
    .await
}
