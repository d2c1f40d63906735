//! What a flow does in the window: find, read, click and type through small DOM scripts, and
//! wait for states (an element shown, a text that holds), never for a length of time.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use serde_json::json;

use super::{App, R, WAIT};

impl App {
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

    /// Waits until `script` (over the visible matches of `xpath`, as `els`) returns true.
    pub async fn wait_until(&self, xpath: &str, script: &str) -> R {
        self.until(xpath, script).await.map(|_| ())
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

    /// The value of the first visible input matching `xpath`.
    pub async fn value_at(&self, xpath: &str) -> R<String> {
        let v = self.until(xpath, "return els.length ? els[0].value : null;").await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// Whether the checkbox `id` (an el-checkbox, the id on its label or its input) is ticked.
    pub async fn checked(&self, id: &str) -> R<bool> {
        let xpath = format!("//*[@data-testid='{id}']//input[@type='checkbox'] | //input[@data-testid='{id}']");
        let v = self.until(&xpath, "return els.length ? els[0].checked : null;").await?;
        Ok(v.as_bool().unwrap_or_default())
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
        Ok(last_number(&text).ok_or_else(|| format!("no number in {id}: {text:?}"))?)
    }

    /// Opens the select `id` and returns an XPath to its own option list — not one still fading
    /// out from another field, nor another select's list left in the page.
    pub async fn open_list(&self, id: &str) -> R<String> {
        // Element Plus listens on the select's inner wrapper, not its root.
        self.click_visible(&format!("//*[@data-testid='{id}']//div[contains(@class,'el-select__wrapper')]")).await?;
        let list = self.attribute(&format!("//*[@data-testid='{id}']//input"), "aria-controls").await?;
        Ok(format!("//*[@id='{list}']"))
    }

    /// Opens the select `id` and picks its first option; returns the option's text.
    pub async fn choose_first(&self, id: &str) -> R<String> {
        let first = format!("{}//li[contains(@class,'el-select-dropdown__item')][1]", self.open_list(id).await?);
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

    /// Clicks the element with this test id; a menu item (`menu-roster`) waits for its page to
    /// be shown, as a page's script loads when first opened and the last page stays till then.
    pub async fn click(&self, id: &str) -> R {
        self.click_visible(&format!("//*[@data-testid='{id}']")).await?;
        if let Some(page) = id.strip_prefix("menu-") {
            self.wait_xpath(&format!("//main[@data-page='{page}']")).await?;
        }
        Ok(())
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

    /// Pastes the clipboard into the field `id` with Ctrl+V, as a secretary pastes copied text.
    pub async fn paste_into(&self, id: &str) -> R {
        eprintln!("  paste into {id}");
        self.type_into(id, "").await?;
        let input = self.client.active_element().await?;
        input.send_keys(&format!("{}v{}", char::from(Key::Control), char::from(Key::Null))).await?;
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

    /// Waits until `check` holds for something the app does beside the page (a file it writes).
    pub async fn wait_for(&self, what: &str, check: impl Fn() -> bool) -> R {
        let started = Instant::now();
        while !check() {
            if started.elapsed() > WAIT {
                return Err(format!("{what} did not happen").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Opens an Element Plus select and picks the option with this label, from its own list.
    pub async fn choose(&self, id: &str, option: &str) -> R {
        let list = self.open_list(id).await?;
        self.click_visible(&format!(
            "{list}//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='{option}']"
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
        match self.picture().await {
            Ok(png) => std::fs::write(dir.join(format!("{name}.png")), png)?,
            Err(e) => eprintln!("warning: screenshot {name} not taken: {e}"),
        }
        Ok(())
    }

    /// The window as a PNG. WebKit answers a screenshot after the page's next paint, and a page
    /// where nothing changes (the empty first screen, a drawn PDF preview) may not paint again
    /// under Xvfb without compositing: one corner pixel is flipped between two near-whites until
    /// the picture is taken, so a paint always comes.
    pub async fn picture(&self) -> R<Vec<u8>> {
        let script = |code: &'static str| {
            let call = self.client.execute(code, vec![]);
            async move {
                tokio::time::timeout(Duration::from_secs(10), call).await.map_err(|_| format!("no answer to {code}"))
            }
        };
        script(
            "let dot = document.getElementById('e2e-paint');
             if (!dot) {
               dot = document.createElement('div');
               dot.id = 'e2e-paint';
               dot.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;z-index:99999;pointer-events:none;background:#fff';
               document.body.appendChild(dot);
             }
             clearInterval(window.__e2ePaint);
             window.__e2ePaint = setInterval(() => { dot.style.background = dot.style.background === 'rgb(255, 255, 255)' ? '#fefefe' : '#fff'; }, 50);",
        )
        .await??;
        let png = tokio::time::timeout(Duration::from_secs(20), self.client.screenshot()).await;
        script("clearInterval(window.__e2ePaint); document.getElementById('e2e-paint')?.remove();").await??;
        Ok(png.map_err(|_| "WebKitWebDriver did not answer in 20 s")??)
    }

    /// Presses F1 where the focus is, as a secretary asks for help from any page.
    pub async fn press_f1(&self) -> R {
        eprintln!("  press F1");
        let focused = self.client.active_element().await?;
        focused.send_keys(&char::from(Key::F1).to_string()).await?;
        Ok(())
    }

    /// Takes the picture 使用说明 shows as `name` (see `help_shots`): it must still look like the
    /// one the help page ships, or the run fails; `UPDATE_HELP_SHOTS=1` keeps the new one.
    pub async fn help_shot(&self, name: &str) -> R {
        // A message that is fading out (已载入示例数据…) is not part of the page the help explains,
        // and whether it is still there depends on timing.
        let clear = self.client.execute("document.querySelectorAll('.el-message').forEach((m) => m.remove())", vec![]);
        tokio::time::timeout(Duration::from_secs(10), clear)
            .await
            .map_err(|_| "no answer while clearing messages")??;
        let png = self.picture().await.map_err(|e| format!("the picture {name} for 使用说明 was not taken: {e}"))?;
        super::help_shots::check(name, &png)
    }

    /// Opens the tree select `id`, filters it by `name` and picks that node.
    pub async fn choose_in_tree(&self, id: &str, name: &str) -> R {
        self.click_visible(&format!("//*[@data-testid='{id}']//div[contains(@class,'el-select__wrapper')]")).await?;
        self.type_into(id, name).await?;
        self.click_visible(&format!(
            "//div[contains(@class,'el-select-dropdown')]//span[contains(@class,'el-tree-node__label') or self::span][normalize-space(.)='{name}']"
        ))
        .await
    }

    /// Answers the open question box (确定, 删除, 取消 …) with the button that says `button`.
    pub async fn answer(&self, button: &str) -> R {
        self.click_visible(&format!("//div[contains(@class,'el-message-box')]//button[normalize-space(.)='{button}']"))
            .await
    }
}

/// The last number in a text ("转出\n12名" → 12).
pub fn last_number(text: &str) -> Option<i64> {
    text.rsplit(|c: char| !c.is_ascii_digit()).find(|s| !s.is_empty())?.parse().ok()
}
