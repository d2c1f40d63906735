//! 三亮四进工作台: the Tauri builder over a Tauri-free core, one folder per practice.

pub mod about;
pub mod bindings;
pub mod common;
pub mod data;
pub mod db;
pub mod demo;
pub mod error;
pub mod overview;
pub mod paths;
pub mod print;
pub mod review;
pub mod roster;
pub mod sanliang;
pub mod sijin;
pub mod state;

#[cfg(feature = "app")]
mod commands;
#[cfg(feature = "app")]
pub mod window;

#[cfg(feature = "app")]
use tauri::Manager;

#[cfg(feature = "app")]
use crate::state::AppState;

#[cfg(feature = "app")]
/// Debug builds keep their data in a separate folder so development never touches a user's data.
fn default_data_dir(app: &tauri::App) -> std::path::PathBuf {
    let base = app.path().app_local_data_dir().unwrap_or_else(|_| std::env::temp_dir().join("sanliang-siji"));
    if cfg!(debug_assertions) {
        let name = base.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        base.with_file_name(format!("{name}.dev"))
    } else {
        base
    }
}

#[cfg(feature = "app")]
pub fn run() {
    commands::guard::report_panics_without_their_text();
    let result = tauri::Builder::default()
        // First, so a second start hands over to the running window before anything else opens.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| window::focus_main(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(|app| {
            let exe = std::env::current_exe().ok();
            let data_dir = paths::data_dir(paths::data_dir_override(), exe.as_deref(), || default_data_dir(app));
            common::log::start(&data_dir);
            tracing::info!(
                version = env!("CARGO_PKG_VERSION"),
                os = std::env::consts::OS,
                arch = std::env::consts::ARCH,
                data_dir = %data_dir.display(),
                "start"
            );
            // A database that fails to open is reported in the window (AppInfo.startup_error),
            // never by a panic, and the file stays as it was.
            let documents = app.path().document_dir().ok();
            let backups = paths::backup_dir(
                paths::Setting::BackupDir.read().map(Into::into),
                exe.as_deref(),
                documents,
                &data_dir,
            );
            let state = tauri::async_runtime::block_on(AppState::open(data_dir.clone(), backups));
            app.manage(state);
            window::open_main(app, &data_dir)?;
            // Today's automatic backup, if the day has none yet, once the first screen is up.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let state = handle.state::<AppState>();
                let _ = tokio::time::timeout(data::backup::auto::START_DELAY, state.first_screen.notified()).await;
                state.auto_backup().await;
            });
            Ok(())
        })
        .invoke_handler(command_handlers!())
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|handle, event| {
                // A clean exit: today's backup if none was taken, and the WAL written back.
                if let tauri::RunEvent::Exit = event {
                    tauri::async_runtime::block_on(handle.state::<AppState>().close());
                }
            })
        });
    if let Err(e) = result {
        eprintln!("三亮四进工作台无法启动：{e}");
        std::process::exit(1);
    }
}
