//! No command may panic at the window: each runs under `run` (the handler list holds only the
//! generated `guarded` wrappers), so a panic becomes an error the secretary sees, not a save
//! that never answers.

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;

use futures_util::FutureExt as _;

use crate::error::{Error, Result};

/// Runs an async command; a panic inside it becomes `Error::Internal`.
pub(crate) async fn run<T>(command: &'static str, work: impl Future<Output = Result<T>>) -> Result<T> {
    logged(
        command,
        AssertUnwindSafe(work).catch_unwind().await.unwrap_or_else(|payload| Err(internal(command, payload))),
    )
}

/// Runs a synchronous command; a panic inside it becomes `Error::Internal`.
pub(crate) fn run_sync<T>(command: &'static str, work: impl FnOnce() -> Result<T>) -> Result<T> {
    logged(
        command,
        std::panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| Err(internal(command, payload))),
    )
}

/// Every error the window shows is logged with its detail (the log masks personal numbers).
fn logged<T>(command: &'static str, result: Result<T>) -> Result<T> {
    if let Err(e) = &result {
        let ipc = e.to_ipc();
        let (field, detail) = (ipc.field.unwrap_or_default(), ipc.detail.unwrap_or_default());
        if ipc.kind == crate::error::ErrorKind::Internal {
            tracing::error!(command, ?ipc.kind, field, detail, "{}", ipc.message);
        } else {
            tracing::warn!(command, ?ipc.kind, field, detail, "{}", ipc.message);
        }
    }
    result
}

fn internal(command: &'static str, payload: Box<dyn Any + Send>) -> Error {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    Error::Internal { command, detail: what }
}

/// Panics are reported to the window with their text; the process's own report names only
/// where it happened, because the text can hold what the user typed (an ID number). The log
/// gets the text too, its personal numbers masked.
pub(crate) fn report_panics_without_their_text() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("程序内部错误（{place}）");
        let text = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(place, "panic: {text}");
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[tokio::test]
    async fn a_panic_in_an_async_command_becomes_an_internal_error_the_window_shows() {
        let result: Result<()> = run("member_create", async {
            let id = "1101011990030712４3";
            let _ = &id[..17]; // byte 17 is inside the full-width ４ (bytes 16..19): panics
            Ok(())
        })
        .await;
        let ipc = result.expect_err("the panic is an error").to_ipc();
        assert_eq!(ipc.kind, ErrorKind::Internal);
        assert_eq!(ipc.message, "程序内部出错，刚才的操作没有完成。请重试；如果反复出现，请点“详情”把内容发给技术支持");
        let detail = ipc.detail.expect("the panic's text is behind 详情");
        assert!(detail.starts_with("member_create: ") && detail.contains("byte index 17"), "{detail}");
        assert_eq!(ipc.field, None);
    }

    #[test]
    fn a_panic_in_a_synchronous_command_becomes_an_internal_error() {
        let result: Result<u32> = run_sync("catalog_get", || panic!("boom {}", 7));
        let ipc = result.expect_err("the panic is an error").to_ipc();
        assert_eq!((ipc.kind, ipc.detail.as_deref()), (ErrorKind::Internal, Some("catalog_get: boom 7")));
    }

    #[tokio::test]
    async fn a_command_that_does_not_panic_passes_its_result_through() {
        assert_eq!(run("zone_list", async { Ok(3) }).await.ok(), Some(3));
        let refused = run::<()>("zone_list", async { Err(Error::validation("name", "请填写责任区名称")) }).await;
        let ipc = refused.expect_err("the command's own error").to_ipc();
        assert_eq!((ipc.kind, ipc.field.as_deref()), (ErrorKind::Validation, Some("name")));
    }
}
