//! Opens the real app window for a flow on the run's one stage (display and driver): a fresh
//! data folder whose name has Chinese characters and a space, the app's settings passed as its
//! arguments, and the session closed — the app gone — before the next window opens, whether the
//! flow passed, failed or panicked.

mod dom;
pub mod help_shots;
pub use dom::last_number;
pub mod runner;
mod stage;
pub use stage::{printer_dir, PRINTER_OFFLINE};

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder};
use futures_util::FutureExt;
use sanliang::paths::Setting;
use serde_json::json;
use tempfile::TempDir;

pub type R<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// How long a state may take to appear in the window.
const WAIT: Duration = Duration::from_secs(15);

/// The run's display and driver, started by the first window and stopped by the runner.
static STAGE: Mutex<Option<stage::Stage>> = Mutex::new(None);

fn stage_port() -> R<u16> {
    let mut stage = STAGE.lock().map_err(|_| "the stage lock is poisoned")?;
    if stage.is_none() {
        *stage = Some(stage::Stage::start()?);
    }
    Ok(stage.as_ref().map(|s| s.port).unwrap_or_default())
}

/// Where [`application`] is told to find an installed copy of the app instead of this build's.
pub const INSTALLED_APP: &str = "SANLIANG_E2E_INSTALLED_APP";

/// The program every window runs: this build's, or the installed one named by [`INSTALLED_APP`]
/// (`cargo xtask deb` installs the .deb and runs the `installed` flow on it).
pub fn application() -> std::path::PathBuf {
    std::env::var_os(INSTALLED_APP).map_or_else(|| env!("CARGO_BIN_EXE_sanliang-siji").into(), Into::into)
}

/// What a program started beside the windows needs (display, session bus).
pub fn stage_env() -> R<Vec<(&'static str, String)>> {
    stage_port()?;
    let stage = STAGE.lock().map_err(|_| "the stage lock is poisoned")?;
    Ok(stage.as_ref().map(|s| s.env.clone()).unwrap_or_default())
}

/// Stops the display and driver (after a failed flow, so the next starts clean; at the end).
pub fn stop_stage() {
    if let Ok(mut stage) = STAGE.lock() {
        stage.take();
    }
}

pub struct App {
    pub client: Client,
    pub data: TempDir,
}

#[derive(Default)]
pub struct Options {
    /// Files to place in the data folder before the app starts (e.g. a broken database).
    pub files: Vec<(&'static str, Vec<u8>)>,
    /// The data folder of an earlier run, to start again on the same data.
    pub data: Option<TempDir>,
    /// The app's today; 2026-11-28 unless a test moves the clock.
    pub today: Option<&'static str>,
    /// More launch settings (the file a save dialog answers, the files an open dialog picks, …).
    pub settings: Vec<(Setting, String)>,
}

/// Text followed by Enter, which confirms a date typed into a date picker.
pub fn enter(text: &str) -> String {
    format!("{text}{}", char::from(Key::Enter))
}

/// Waits for a success message containing `text`.
pub async fn success(app: &App, text: &str) -> R {
    app.wait_xpath(&format!("//div[contains(@class,'el-message--success')][contains(.,'{text}')]")).await
}

/// A panic's message, for the report.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// Where a window's backups go in the tests: a folder with a space and Chinese in its name,
/// inside the test's data folder.
pub fn backup_dir(data: &TempDir) -> std::path::PathBuf {
    data.path().join("备份 文件夹")
}

impl App {
    /// The whole of a one-window test on an empty data folder: see [`App::session`].
    pub async fn run(name: &str, flow: impl for<'a> AsyncFnOnce(&'a App) -> R) -> R {
        Self::run_with(Options::default(), name, flow).await
    }

    /// Loads the demo county from the empty home page and waits until it says so.
    pub async fn load_demo(&self) -> R {
        self.click("load-demo").await?;
        success(self, "已载入示例数据").await
    }

    pub async fn run_with(options: Options, name: &str, flow: impl for<'a> AsyncFnOnce(&'a App) -> R) -> R {
        Self::session(options, name, flow).await.map(|_| ())
    }

    /// Starts the app, runs `flow` in it (a panic is a failure like any other), and finishes:
    /// a screenshot named after `name` when it failed, then the window closes. Hands back the
    /// data folder, for a second start on the same data.
    pub async fn session(options: Options, name: &str, flow: impl for<'a> AsyncFnOnce(&'a App) -> R) -> R<TempDir> {
        let app = App::start_with(options).await?;
        let result = match AssertUnwindSafe(flow(&app)).catch_unwind().await {
            Ok(result) => result,
            Err(panic) => Err(panic_text(&*panic).into()),
        };
        app.finish(name, result).await
    }

    async fn start_with(options: Options) -> R<App> {
        let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/dist/assets");
        assert!(ui.exists(), "the UI is not built (ui/dist/assets missing): run `cargo xtask test`");
        let data = match options.data {
            Some(d) => d,
            None => tempfile::Builder::new().prefix("三亮 数据").tempdir()?,
        };
        for (name, bytes) in &options.files {
            std::fs::write(data.path().join(name), bytes)?;
        }
        let mut args = vec![
            Setting::DataDir.flag().to_owned(),
            data.path().to_string_lossy().into_owned(),
            Setting::Today.flag().to_owned(),
            options.today.unwrap_or("2026-11-28").to_owned(),
        ];
        // Backups go to the test's own folder, never to the Documents folder of whoever runs it.
        if !options.settings.iter().any(|(s, _)| *s == Setting::BackupDir) {
            args.extend([Setting::BackupDir.flag().to_owned(), backup_dir(&data).to_string_lossy().into_owned()]);
        }
        for (setting, value) in options.settings {
            args.extend([setting.flag().to_owned(), value]);
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("pageLoadStrategy".into(), json!("none"));
        caps.insert("tauri:options".into(), json!({ "application": application(), "args": args }));
        let port = stage_port()?;
        let client = ClientBuilder::native().capabilities(caps).connect(&format!("http://127.0.0.1:{port}")).await?;
        let app = App { client, data };
        app.wait_until_loaded().await?;
        Ok(app)
    }

    /// Waits for the app's header. With `pageLoadStrategy: none` the first scripts may run on the
    /// blank page the window starts with; when the app's page replaces it, WebKitWebDriver fails
    /// that script ("Callback was not called before the unload event"), and we simply ask again.
    async fn wait_until_loaded(&self) -> R {
        let started = Instant::now();
        loop {
            match self.wait_xpath("//header//span[contains(@class,'app-name')]").await {
                Ok(()) => return Ok(()),
                Err(e) if started.elapsed() < WAIT * 2 && format!("{e:?}").contains("unload") => {
                    eprintln!("  the page was still loading ({e}); asking again");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A number read from the app's database beside the running window (read-only), to check
    /// that what the window shows is what was stored.
    pub async fn db_number(&self, sql: &str) -> R<i64> {
        self.db_value(sql).await
    }

    /// A text read from the app's database, like [`App::db_number`].
    pub async fn db_text(&self, sql: &str) -> R<String> {
        self.db_value(sql).await
    }

    /// A write from another program beside the running window (as the command line would make),
    /// through the database's own triggers.
    pub async fn db_write_elsewhere(&self, sql: &str) -> R {
        use sqlx::Connection;
        let file = self.data.path().join(sanliang::db::DB_FILE);
        let options =
            sqlx::sqlite::SqliteConnectOptions::new().filename(file).busy_timeout(std::time::Duration::from_secs(5));
        let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
        sqlx::query(sql).execute(&mut conn).await.map_err(|e| format!("{sql}: {e}"))?;
        conn.close().await?;
        Ok(())
    }

    async fn db_value<T>(&self, sql: &str) -> R<T>
    where
        T: Send + Unpin + for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    {
        use sqlx::Connection;
        let file = self.data.path().join(sanliang::db::DB_FILE);
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(file).read_only(true);
        let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
        let value: T = sqlx::query_scalar(sql).fetch_one(&mut conn).await.map_err(|e| format!("{sql}: {e}"))?;
        conn.close().await?;
        Ok(value)
    }

    /// Ends the session (on failure first keeping a screenshot of what the window showed) and
    /// waits until the app has exited, so the next window never shares its data folder with it.
    async fn finish(self, name: &str, result: R) -> R<TempDir> {
        if let Err(e) = &result {
            let shot_name = format!("FAILED-{name}");
            if let Err(shot) = self.screenshot(&shot_name).await {
                eprintln!("the screenshot of the failure was not taken: {shot}");
            }
            eprintln!("{name} failed: {e}; screenshot in target/e2e-screenshots/FAILED-{name}.png");
        }
        let closed = match tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await {
            Ok(r) => r.map_err(|e| format!("closing the WebDriver session: {e}")),
            Err(_) => Err("the WebDriver session did not close within 10 s".to_owned()),
        };
        let gone = app_gone(Duration::from_secs(10)).await;
        result?;
        closed?;
        gone?;
        Ok(self.data)
    }
}

/// Waits until no process runs the app's binary (Linux: read from /proc).
#[cfg(target_os = "linux")]
async fn app_gone(within: Duration) -> R {
    let binary = std::fs::canonicalize(application())?;
    let running = || -> usize {
        let Ok(entries) = std::fs::read_dir("/proc") else { return 0 };
        entries.flatten().filter(|e| std::fs::read_link(e.path().join("exe")).is_ok_and(|exe| exe == binary)).count()
    };
    let started = Instant::now();
    while running() > 0 {
        if started.elapsed() > within {
            return Err(format!("the app was still running {} s after its session closed", within.as_secs()).into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// Elsewhere the driver's session end is taken as the app's.
#[cfg(not(target_os = "linux"))]
async fn app_gone(_within: Duration) -> R {
    Ok(())
}
