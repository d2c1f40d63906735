//! Commands for the print centre: settings and emblem artwork, a preview of the first sheet,
//! saving a whole job to a PDF the user chooses — on a worker thread, with progress and
//! cancellation — then opening it in the system's viewer, and 直接打印 to the system's printer.

use std::sync::atomic::Ordering;

use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, State};

use crate::common::files;
use crate::error::{Error, Result};
use crate::paths::today;
use crate::print::direct::{self, Platform, PrintSent};
use crate::print::settings::{self, PrintSettings};
use crate::print::{self, PrintOptions, PrintProgress, PrintSaved, PrintSummary};
use crate::state::AppState;

pub async fn print_settings_get(state: State<'_, AppState>) -> Result<PrintSettings> {
    settings::load(&super::pool(&state)?, &state.data_dir).await
}

pub async fn print_settings_set(state: State<'_, AppState>, settings: PrintSettings) -> Result<PrintSettings> {
    settings::save(&super::pool(&state)?, &state.data_dir, &settings).await
}

/// Picks emblem artwork through the system dialog (opened here, so the web view needs no file
/// access); returns whether one was chosen.
pub async fn print_emblem_pick(app: AppHandle, state: State<'_, AppState>) -> Result<bool> {
    let picked = super::dialogs::pick(&app, "选择党徽图案", files::IMAGES, false);
    let Some(path) = picked.into_iter().next() else { return Ok(false) };
    settings::set_emblem(&super::pool(&state)?, &state.data_dir, &path).await?;
    Ok(true)
}

pub async fn print_emblem_clear(state: State<'_, AppState>) -> Result<()> {
    settings::clear_emblem(&super::pool(&state)?, &state.data_dir).await
}

/// How many items and sheets a job makes, for the print centre's summary.
pub async fn print_count(state: State<'_, AppState>, options: PrintOptions) -> Result<PrintSummary> {
    let job = print::prepare(&super::pool(&state)?, &state.data_dir, options, today()).await?;
    Ok(PrintSummary { items: job.items(), sheets: job.sheets(), bytes: 0 })
}

/// The first sheet as a PDF, for the preview.
pub async fn print_preview(state: State<'_, AppState>, options: PrintOptions) -> Result<Response> {
    let job = print::prepare(&super::pool(&state)?, &state.data_dir, options, today()).await?;
    let (bytes, _) = on_worker(move || job.compose(Some(1), &mut |_, _| true)).await?;
    Ok(Response::new(bytes))
}

/// Asks where to save (see `dialogs::save`), composes
/// the job on a worker thread reporting progress, writes it atomically, and opens it when asked.
pub async fn print_save(
    app: AppHandle,
    state: State<'_, AppState>,
    options: PrintOptions,
    file_name: String,
    open: bool,
    on_progress: Channel<PrintProgress>,
) -> Result<Option<PrintSaved>> {
    let what = format!("{:?} {:?}", options.kind, options.paper);
    let job = print::prepare(&super::pool(&state)?, &state.data_dir, options, today()).await?;
    let target = super::dialogs::save(&app, "保存PDF", &file_name, files::PDF);
    let Some(mut target) = target else { return Ok(None) };
    if target.extension().is_none() {
        target.set_extension("pdf");
    }
    let (bytes, summary) = compose_reporting(&app, job, on_progress).await?;
    // Whole or not at all: a failed rename (the old file open in a PDF reader on Windows)
    // leaves the old file and no part file.
    files::write_atomic(&target, &bytes).map_err(|e| Error::file(&target, e))?;
    tracing::info!(what, items = summary.items, sheets = summary.sheets, bytes = summary.bytes, path = %target.display(), "printed");
    if let Ok(mut last) = state.last_saved.lock() {
        *last = Some(target.clone());
    }
    if open {
        super::dialogs::open(&app, &target, "PDF")?;
    }
    Ok(Some(PrintSaved { path: target.display().to_string(), summary }))
}

/// Composes the job on a worker thread, telling the window how far it has got; stops when the
/// window cancels.
async fn compose_reporting(
    app: &AppHandle,
    job: print::Job,
    on_progress: Channel<PrintProgress>,
) -> Result<(Vec<u8>, PrintSummary)> {
    let state = tauri::Manager::state::<AppState>(app);
    state.print_cancel.store(false, Ordering::SeqCst);
    let app_for_worker = app.clone();
    // Tests hold a job after a number of sheets, to see its progress and cancel it there.
    let hold: Option<usize> = crate::paths::Setting::PrintHoldAfter.read().and_then(|v| v.to_str()?.parse().ok());
    on_worker(move || {
        let state = tauri::Manager::state::<AppState>(&app_for_worker);
        job.compose(None, &mut |done, total| {
            let _ = on_progress.send(PrintProgress { done, total });
            let cancelled = || state.print_cancel.load(Ordering::SeqCst);
            while hold == Some(done) && !cancelled() {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            !cancelled()
        })
    })
    .await
}

/// Runs `work` on a worker thread, so the window's calls go on being answered meanwhile.
async fn on_worker<T: Send + 'static>(work: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work).await.map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?
}

/// 直接打印: composes the job like [`print_save`], keeps it in the data folder's spool and hands
/// it to the system's printing (see `print::direct`): CUPS's `lp` with the sheet's paper on Linux,
/// the shell's print verb on Windows.
pub async fn print_direct(
    app: AppHandle,
    state: State<'_, AppState>,
    options: PrintOptions,
    on_progress: Channel<PrintProgress>,
) -> Result<PrintSent> {
    let what = format!("{:?} {:?}", options.kind, options.paper);
    let job = print::prepare(&super::pool(&state)?, &state.data_dir, options, today()).await?;
    let (paper, title) = (job.sheet_paper(), job.title());
    let (bytes, summary) = compose_reporting(&app, job, on_progress).await?;
    let dir = direct::spool_dir(&state.data_dir, std::time::SystemTime::now()).map_err(Error::Io)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let file = dir.join(direct::spool_name(&title, &stamp));
    files::write_atomic(&file, &bytes).map_err(|e| Error::file(&file, e))?;
    let platform = Platform::current();
    let invocation = direct::invocation(platform, &file, paper, &title);
    let printer = on_worker(move || direct::send_with(platform, &invocation, None)).await?;
    tracing::info!(what, items = summary.items, sheets = summary.sheets, printer = ?printer, "sent to the printer");
    Ok(PrintSent { printer, paper, sheets: summary.sheets, items: summary.items })
}

pub async fn print_cancel(state: State<'_, AppState>) -> Result<()> {
    state.print_cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Opens the PDF saved last (only that one: the web view cannot name files to open).
pub async fn print_open_last(app: AppHandle, state: State<'_, AppState>) -> Result<()> {
    let last = state.last_saved.lock().ok().and_then(|l| l.clone());
    let path = last.ok_or_else(|| Error::NotFound("还没有保存过PDF".into()))?;
    super::dialogs::open(&app, &path, "PDF")
}
