//! The main window: created from its configuration once the data folder is known, given the size,
//! place and maximized state saved in that folder (written by tauri-plugin-window-state at exit,
//! and here half a second after each move or resize, so a killed process keeps it too) — fitted
//! to the screen's work area first (see [`crate::common::window_fit`]) — and then shown. A second
//! start brings this window to the front.

use std::path::Path;

use tauri::{App, Manager, PhysicalPosition, PhysicalSize, WebviewWindow, WebviewWindowBuilder};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

use crate::common::window_fit::{self, Placement, Rect};

/// The file in the data folder keeping the window's size, place and maximized state.
pub const STATE_FILE: &str = "window-state.json";
const LABEL: &str = "main";

/// The saved state of the main window, as the plugin writes it (inner size, outer position).
#[derive(serde::Deserialize)]
struct Saved {
    width: u32,
    height: u32,
    x: i32,
    y: i32,
    prev_x: i32,
    prev_y: i32,
    maximized: bool,
}

fn saved(data_dir: &Path) -> Option<Saved> {
    let text = std::fs::read(data_dir.join(STATE_FILE)).ok()?;
    let mut all: std::collections::HashMap<String, serde_json::Value> = serde_json::from_slice(&text).ok()?;
    serde_json::from_value(all.remove(LABEL)?).ok()
}

pub fn open_main(app: &mut App, data_dir: &Path) -> tauri::Result<WebviewWindow> {
    let flags = StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED;
    let state_file = data_dir.join(STATE_FILE).to_string_lossy().into_owned();
    // The plugin only keeps the state; placing the window is done here, fitted to the screen.
    let plugin = tauri_plugin_window_state::Builder::new()
        .with_state_flags(flags)
        .with_filename(state_file)
        .skip_initial_state(LABEL)
        .build();
    app.handle().plugin(plugin)?;
    let config = app.config().app.windows.iter().find(|w| w.label == LABEL).cloned().unwrap_or_default();
    let window = WebviewWindowBuilder::from_config(app.handle(), &config)?.build()?;
    let sizes = ((config.width, config.height), (config.min_width.unwrap_or(0.0), config.min_height.unwrap_or(0.0)));
    if let Err(e) = place(&window, saved(data_dir), sizes.0, sizes.1) {
        tracing::warn!("the window was not fitted to the screen: {e}");
    }
    save_when_moved(&window, flags);
    window.show()?;
    window.set_focus()?;
    Ok(window)
}

/// Gives the window its saved place, or the configured size centred, on the work area of the
/// screen it belongs on (`default` and `min` are logical page sizes).
fn place(window: &WebviewWindow, saved: Option<Saved>, default: (f64, f64), min: (f64, f64)) -> tauri::Result<()> {
    // The frame around the page (title bar, borders); known before showing on Windows, 0 on Linux.
    let (outer, inner) = (window.outer_size()?, window.inner_size()?);
    let frame = (outer.width.saturating_sub(inner.width), outer.height.saturating_sub(inner.height));
    let was = saved.as_ref().map(|s| {
        let (x, y) = if s.maximized { (s.prev_x, s.prev_y) } else { (s.x, s.y) };
        Rect { x, y, width: s.width + frame.0, height: s.height + frame.1 }
    });
    // The screen it was on, else the main one.
    let on = |r: &Rect, m: &tauri::Monitor| {
        let a = m.work_area();
        let (cx, cy) = (i64::from(r.x) + i64::from(r.width / 2), i64::from(r.y) + i64::from(r.height / 2));
        (i64::from(a.position.x)..i64::from(a.position.x) + i64::from(a.size.width)).contains(&cx)
            && (i64::from(a.position.y)..i64::from(a.position.y) + i64::from(a.size.height)).contains(&cy)
    };
    let monitors = window.available_monitors()?;
    let monitor = was.as_ref().and_then(|r| monitors.iter().find(|m| on(r, m)).cloned()).or(window.primary_monitor()?);
    let Some(monitor) = monitor.or_else(|| monitors.into_iter().next()) else { return Ok(()) };
    let scale = monitor.scale_factor();
    let physical = |(w, h): (f64, f64)| ((w * scale).round() as u32 + frame.0, (h * scale).round() as u32 + frame.1);
    let work = monitor.work_area();
    let work = Rect { x: work.position.x, y: work.position.y, width: work.size.width, height: work.size.height };
    // Nothing saved: a window of no size, which the fit replaces by the default centred.
    let current = was.unwrap_or(Rect { x: work.x, y: work.y, width: 0, height: 0 });
    let placement = window_fit::fit(current, work, physical(default), physical(min), scale);
    tracing::info!(?placement, ?work, scale, "window placed");
    let rect = match placement {
        Placement::Keep => current,
        Placement::Move(r) => r,
        Placement::Maximize => return window.maximize(),
    };
    window.set_size(PhysicalSize::new(rect.width - frame.0, rect.height - frame.1))?;
    window.set_position(PhysicalPosition::new(rect.x, rect.y))?;
    if saved.is_some_and(|s| s.maximized) {
        window.maximize()?;
    }
    Ok(())
}

/// A second start of the app: the running window comes to the front instead (on Linux through
/// the desktop's session bus; without one, a second window opens as before).
pub fn focus_main(app: &tauri::AppHandle) {
    tracing::info!("second start: the running window is brought to the front");
    if let Some(window) = app.get_webview_window(LABEL) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Saves the window state half a second after the last move or resize, and at closing.
fn save_when_moved(window: &WebviewWindow, flags: StateFlags) {
    use std::sync::atomic::{AtomicU64, Ordering};
    let generation = std::sync::Arc::new(AtomicU64::new(0));
    let app = window.app_handle().clone();
    let save = move |app: &tauri::AppHandle| {
        if let Err(e) = app.save_window_state(flags) {
            tracing::warn!("the window's size and place were not saved: {e}");
        }
    };
    window.on_window_event(move |event| match event {
        tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_) => {
            let mine = generation.fetch_add(1, Ordering::SeqCst) + 1;
            let (generation, app) = (generation.clone(), app.clone());
            tauri::async_runtime::spawn(async move {
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                if generation.load(Ordering::SeqCst) == mine {
                    save(&app);
                }
            });
        }
        tauri::WindowEvent::CloseRequested { .. } => save(&app),
        _ => {}
    });
}
