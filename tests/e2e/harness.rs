//! Starts the real app window for a test: its own Xvfb display, tauri-driver (which starts
//! WebKitWebDriver, which starts the app), a fresh data folder; and stops every process it
//! started when the test ends, passed or failed.

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder};
use serde_json::json;
use tempfile::TempDir;

pub type R<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

const WAIT: Duration = Duration::from_secs(15);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

fn wait_for_port(port: u16, what: &str) -> R {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(30) {
            return Err(format!("{what} did not open port {port} within 30 s").into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

fn require(program: &str, hint: &str) -> PathBuf {
    let from_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join(program)).find(|c| c.exists()))
        .unwrap_or_default();
    let from_cargo =
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin").join(program)).filter(|p| p.exists());
    // A missing prerequisite fails the test loudly; it never skips.
    from_path.or(from_cargo).unwrap_or_else(|| panic!("{program} is missing: {hint} (cargo xtask test installs it)"))
}

/// A process that is stopped when dropped: SIGTERM to it alone, a moment to finish, then
/// SIGKILL to its whole process group (tauri-driver panics if the group is signalled first).
struct Guard {
    child: Child,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).stderr(Stdio::null()).status();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pid}")]).stderr(Stdio::null()).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct App {
    pub client: Client,
    pub data: TempDir,
    // Dropped in reverse order of start: the driver (and the app under it), then the display.
    _driver: Guard,
    _xvfb: Guard,
}

#[derive(Default)]
pub struct Options {
    /// Files to place in the data folder before the app starts (e.g. a broken database).
    pub files: Vec<(&'static str, Vec<u8>)>,
    /// The data folder of an earlier run, to start again on the same data.
    pub data: Option<TempDir>,
    /// The app's today (SANLIANG_TODAY); 2026-11-28 unless a test moves the clock.
    pub today: Option<&'static str>,
    /// More environment for the app (e.g. SANLIANG_SAVE_AS, the file a save dialog answers).
    pub env: Vec<(&'static str, String)>,
}

/// Text followed by Enter, which confirms a date typed into a date picker.
pub fn enter(text: &str) -> String {
    format!("{text}{}", char::from(Key::Enter))
}

/// Waits for a success message containing `text`.
pub async fn success(app: &App, text: &str) -> R {
    app.wait_xpath(&format!("//div[contains(@class,'el-message--success')][contains(.,'{text}')]")).await
}

impl App {
    pub async fn start() -> R<App> {
        Self::start_with(Options::default()).await
    }

    /// The whole of a one-window test: starts the app on an empty data folder, runs `flow` in it
    /// and finishes (a screenshot named after `name` when it failed, then the window stops).
    pub async fn run(name: &str, flow: impl for<'a> AsyncFnOnce(&'a App) -> R) -> R {
        let app = App::start().await?;
        let result = flow(&app).await;
        app.finish(name, result).await
    }

    /// Loads the demo county from the empty home page and waits until it says so.
    pub async fn load_demo(&self) -> R {
        self.click("load-demo").await?;
        success(self, "已载入示例数据").await
    }

    pub async fn start_with(options: Options) -> R<App> {
        let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/dist/assets");
        assert!(ui.exists(), "the UI is not built (ui/dist/assets missing): run `cargo xtask test`");
        let xvfb_bin = require("Xvfb", "apt-get install xvfb");
        let driver_bin = require("tauri-driver", "cargo install tauri-driver --version ^2 --locked");
        require("WebKitWebDriver", "apt-get install webkit2gtk-driver");

        let data = match options.data {
            Some(d) => d,
            None => tempfile::tempdir()?,
        };
        for (name, bytes) in &options.files {
            std::fs::write(data.path().join(name), bytes)?;
        }

        let display = format!(":{}", 100 + std::process::id() % 800);
        let xvfb = Guard {
            child: Command::new(xvfb_bin)
                .args([display.as_str(), "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()?,
        };
        let lock = PathBuf::from(format!("/tmp/.X{}-lock", &display[1..]));
        let started = Instant::now();
        while !lock.exists() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }

        let (port, native_port) = (free_port(), free_port());
        let driver = Guard {
            child: Command::new(driver_bin)
                .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
                .env("DISPLAY", &display)
                .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
                .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
                .env("SANLIANG_DATA_DIR", data.path())
                .env("SANLIANG_TODAY", options.today.unwrap_or("2026-11-28"))
                .envs(options.env.iter().map(|(k, v)| (k, v)))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()?,
        };
        wait_for_port(port, "tauri-driver")?;
        wait_for_port(native_port, "WebKitWebDriver")?;

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("pageLoadStrategy".into(), json!("none"));
        caps.insert("tauri:options".into(), json!({ "application": env!("CARGO_BIN_EXE_sanliang-siji") }));
        let client = ClientBuilder::native().capabilities(caps).connect(&format!("http://127.0.0.1:{port}")).await?;
        let app = App { client, data, _driver: driver, _xvfb: xvfb };
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

    /// Runs `script` with the visible elements matching `xpath` as `els` and returns its value.
    /// Everything goes through small DOM scripts: WebKitWebDriver's own element commands
    /// (click, text, find) sometimes never return once the page has made IPC calls (seen with
    /// tauri-driver 2.1 and WebKitGTK 2.48 under Xvfb), which hangs the session.
    async fn on_visible(&self, xpath: &str, script: &str) -> R<serde_json::Value> {
        let code = format!(
            "const snap = document.evaluate(arguments[0], document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
             const els = [];
             for (let i = 0; i < snap.snapshotLength; i++) {{
               const el = snap.snapshotItem(i);
               const style = getComputedStyle(el);
               if (el.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none') els.push(el);
             }}
             {script}"
        );
        // A WebDriver call that never returns fails the test instead of hanging it.
        match tokio::time::timeout(Duration::from_secs(20), self.client.execute(&code, vec![json!(xpath)])).await {
            // Name the step, so a failure in CI says where it happened.
            Ok(result) => result.map_err(|e| format!("{e:?} (looking for {xpath})").into()),
            Err(_) => Err(format!("the window did not answer within 20 s (looking for {xpath})").into()),
        }
    }

    /// Waits until `script` (over the visible matches of `xpath`) returns something other than null.
    async fn until(&self, xpath: &str, script: &str) -> R<serde_json::Value> {
        let started = Instant::now();
        let mut last = serde_json::Value::Null;
        loop {
            let v = self.on_visible(xpath, script).await?;
            if !v.is_null() && v.as_str() != Some("covered") {
                return Ok(v);
            }
            last = if v.is_null() { last } else { v };
            if started.elapsed() > WAIT {
                return Err(format!("gave up on {xpath} ({last})").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until an element matching `xpath` is shown, and returns its visible text.
    pub async fn visible_text(&self, xpath: &str) -> R<String> {
        let v = self.until(xpath, "const t = els.map(e => e.innerText).find(t => t.trim()); return t ?? null;").await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// The texts of every element matching `xpath` that is shown, once at least one is.
    pub async fn visible_texts(&self, xpath: &str) -> R<Vec<String>> {
        let v = self.until(xpath, "return els.length ? els.map(e => e.innerText) : null;").await?;
        Ok(v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default())
    }

    /// Waits until an element matching `xpath` is shown, and returns all its text, scrolled into view or not.
    pub async fn content(&self, xpath: &str) -> R<String> {
        let v = self.until(xpath, "return els.length ? els[0].textContent : null;").await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    pub async fn wait_xpath(&self, xpath: &str) -> R {
        self.until(xpath, "return els.length ? true : null;").await?;
        Ok(())
    }

    /// The value of the input (or textarea) inside `id`.
    pub async fn value(&self, id: &str) -> R<String> {
        let xpath =
            format!("//*[@data-testid='{id}']//input | //input[@data-testid='{id}'] | //textarea[@data-testid='{id}']");
        let v = self.until(&xpath, "return els.length ? els[0].value : null;").await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// The last number in the text of `id` (a figure card: "转出\n12名" → 12).
    pub async fn figure(&self, id: &str) -> R<i64> {
        let text = self.text(id).await?;
        let digits = text.rsplit(|c: char| !c.is_ascii_digit()).find(|s| !s.is_empty()).unwrap_or("");
        Ok(digits.parse().map_err(|_| format!("no number in {id}: {text:?}"))?)
    }

    /// Opens the select `id` and picks its first option — from its own list, not one still
    /// fading out from another field; returns the option's text.
    pub async fn choose_first(&self, id: &str) -> R<String> {
        self.click_visible(&format!("//*[@data-testid='{id}']//div[contains(@class,'el-select__wrapper')]")).await?;
        let list = self.attribute(&format!("//*[@data-testid='{id}']//input"), "aria-controls").await?;
        let first = format!("//*[@id='{list}']//li[contains(@class,'el-select-dropdown__item')][1]");
        let text = self.visible_text(&first).await?;
        self.click_visible(&first).await?;
        Ok(text.trim().to_owned())
    }

    /// An attribute of the first visible element matching `xpath`.
    pub async fn attribute(&self, xpath: &str, name: &str) -> R<String> {
        let v = self.until(xpath, &format!("return els.length ? els[0].getAttribute('{name}') : null;")).await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// The figure of `id` once the page has loaded it (a figure other than zero).
    pub async fn loaded_figure(&self, id: &str) -> R<i64> {
        self.wait_text(id, |t| t.chars().any(|c| c.is_ascii_digit() && c != '0')).await?;
        self.figure(id).await
    }

    pub async fn text(&self, id: &str) -> R<String> {
        self.visible_text(&format!("//*[@data-testid='{id}']")).await
    }

    pub async fn click(&self, id: &str) -> R {
        self.click_visible(&format!("//*[@data-testid='{id}']")).await
    }

    /// Clicks the first visible element matching `xpath` as the mouse would (down, up, click),
    /// waiting while an opening dialog or a message still covers it.
    pub async fn click_visible(&self, xpath: &str) -> R {
        eprintln!("  click {xpath}");
        self.until(
            xpath,
            "if (!els.length) return null;
             const el = els[0];
             el.scrollIntoView({block: 'nearest', inline: 'nearest'});
             const r = el.getBoundingClientRect();
             const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
             if (top && top !== el && !el.contains(top) && !top.contains(el)) return 'covered';
             for (const type of ['mousedown', 'mouseup']) el.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, view: window}));
             el.click();
             return true;",
        )
        .await?;
        Ok(())
    }

    /// Types into the `<input>` inside an Element Plus component, replacing what was there,
    /// with real key events.
    pub async fn type_into(&self, id: &str, text: &str) -> R {
        eprintln!("  type {id}: {text:?}");
        let xpath = format!(
            "//*[@data-testid='{id}']//input | //input[@data-testid='{id}'] | //*[@data-testid='{id}']//textarea | //textarea[@data-testid='{id}']"
        );
        self.click_visible(&xpath).await?;
        self.on_visible(&xpath, "els[0].select();").await?;
        let typed = async {
            let input = self.client.active_element().await?;
            input.send_keys(&format!("{}{text}", char::from(Key::Backspace))).await
        };
        typed.await.map_err(|e| format!("{e:?} (typing into {id})").into())
    }

    /// Presses Ctrl+S in the focused field, as a secretary saves a dialog from the keyboard.
    pub async fn press_ctrl_s(&self) -> R {
        eprintln!("  press Ctrl+S");
        let input = self.client.active_element().await?;
        input.send_keys(&format!("{}s{}", char::from(Key::Control), char::from(Key::Null))).await?;
        Ok(())
    }

    /// Waits until `check` holds for the text of `id`.
    pub async fn wait_text(&self, id: &str, check: impl Fn(&str) -> bool) -> R<String> {
        let started = Instant::now();
        loop {
            let t = self
                .on_visible(&format!("//*[@data-testid='{id}']"), "return els.length ? els[0].innerText : '';")
                .await?
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if check(&t) {
                return Ok(t);
            }
            if started.elapsed() > WAIT {
                return Err(format!("text of {id} stayed {t:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Opens an Element Plus select and picks the option with this label, from its own list.
    pub async fn choose(&self, id: &str, option: &str) -> R {
        // Element Plus listens on the select's inner wrapper, not its root.
        self.click_visible(&format!("//*[@data-testid='{id}']//div[contains(@class,'el-select__wrapper')]")).await?;
        let list = self.attribute(&format!("//*[@data-testid='{id}']//input"), "aria-controls").await?;
        self.click_visible(&format!(
            "//*[@id='{list}']//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='{option}']"
        ))
        .await
    }

    /// The error message Element Plus shows under the form item that holds `id`.
    pub async fn field_error(&self, id: &str) -> R<String> {
        self.visible_text(&format!(
            "//*[@data-testid='{id}']/ancestor::div[contains(@class,'el-form-item')][1]//div[contains(@class,'el-form-item__error')]"
        ))
        .await
    }

    /// Saves a screenshot under target/e2e-screenshots for a person to look at. WebKitWebDriver's
    /// own screenshot command sometimes never answers (seen after a PDF preview): it is given 20 s
    /// and then skipped with a warning, since a picture for people is not what the test asserts.
    pub async fn screenshot(&self, name: &str) -> R {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir)?;
        match tokio::time::timeout(Duration::from_secs(20), self.client.screenshot()).await {
            Ok(png) => std::fs::write(dir.join(format!("{name}.png")), png?)?,
            Err(_) => eprintln!("warning: screenshot {name} not taken: WebKitWebDriver did not answer in 20 s"),
        }
        Ok(())
    }

    /// Ends the session; on failure first keeps a screenshot of what the window showed.
    pub async fn finish(self, name: &str, result: R) -> R {
        self.finish_keeping_data(name, result).await.0
    }

    /// Ends the session like `finish`, and hands back the data folder for a second start.
    pub async fn finish_keeping_data(self, name: &str, result: R) -> (R, TempDir) {
        if let Err(e) = &result {
            let shot_name = format!("FAILED-{name}");
            let _ = tokio::time::timeout(Duration::from_secs(10), self.screenshot(&shot_name)).await;
            eprintln!("{name} failed: {e}; screenshot in target/e2e-screenshots/FAILED-{name}.png");
        }
        let closed = match tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await {
            Ok(r) => r.map_err(|e| format!("closing the WebDriver session: {e}")),
            Err(_) => Err("the WebDriver session did not close within 10 s".to_owned()),
        };
        let App { data, _driver, _xvfb, .. } = self;
        // Stop this window before the next one opens on the same data.
        drop(_driver);
        drop(_xvfb);
        let result = match (result, closed) {
            (Ok(()), Err(e)) => Err(e.into()),
            (r, _) => r,
        };
        (result, data)
    }
}
