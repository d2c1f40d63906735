//! The portable zip for PCs where nothing may be installed: the app, the command line,
//! `WebView2Loader.dll` and a `portable` marker (the data then stays in 数据 beside the program),
//! in one folder. Built from the Windows cross-build and checked by unpacking it into a folder
//! with Chinese characters and a space and running its command line there under Wine.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::{run, Result};

/// The folder inside the zip, as the secretary sees it after unpacking.
const FOLDER: &str = "三亮四进工作台";
/// Must match `paths::PORTABLE_MARKER` and `paths::PORTABLE_DATA` of the app; the check below
/// fails if they part.
const MARKER: &str = "portable";
const DATA: &str = "数据";
const README: &str = "三亮四进工作台（便携版）\r\n\r\n\
双击 sanliang-siji.exe 启动。数据保存在本文件夹的“数据”文件夹中，请连同本文件夹一起备份。\r\n\
需要 Windows 10 或更高版本，以及 Microsoft Edge WebView2 运行时（Windows 11 自带；\r\n\
Windows 10 如提示缺少，请向信息化管理员索取 WebView2 离线安装包，或改用离线安装版）。\r\n\
请勿删除同一文件夹中的 portable 文件，否则数据会改存到本机用户目录。\r\n";

fn entries() -> [&'static str; 5] {
    ["sanliang-siji.exe", "sanliang.exe", "WebView2Loader.dll", MARKER, "使用说明.txt"]
}

/// Writes `三亮四进工作台-便携版.zip` next to the build and returns its path.
pub fn build(debug: &Path, out_dir: &Path) -> Result<PathBuf> {
    let loader = find_loader(debug)?;
    let zip_path = out_dir.join(format!("{FOLDER}-便携版.zip"));
    let file = std::fs::File::create(&zip_path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for name in entries() {
        let bytes = match name {
            "WebView2Loader.dll" => std::fs::read(&loader).map_err(|e| e.to_string())?,
            MARKER => Vec::new(),
            "使用说明.txt" => README.as_bytes().to_vec(),
            exe => stripped(&debug.join(exe), out_dir)?,
        };
        zip.start_file(format!("{FOLDER}/{name}"), options).map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    let size = std::fs::metadata(&zip_path).map_err(|e| e.to_string())?.len();
    eprintln!("==> {}: {:.1} MB", zip_path.display(), size as f64 / 1e6);
    Ok(zip_path)
}

/// The program without its debugging sections, as a user gets it (mingw's strip on a copy).
fn stripped(exe: &Path, out_dir: &Path) -> Result<Vec<u8>> {
    let name = exe.file_name().ok_or("no file name")?;
    let copy = out_dir.join("portable-stripped").join(name);
    std::fs::create_dir_all(copy.parent().ok_or("no folder")?).map_err(|e| e.to_string())?;
    std::fs::copy(exe, &copy).map_err(|e| format!("{}: {e}", exe.display()))?;
    run(out_dir, "x86_64-w64-mingw32-strip", &["--strip-all", &copy.display().to_string()], &[])?;
    std::fs::read(&copy).map_err(|e| e.to_string())
}

/// The WebView2 loader the `webview2-com-sys` build script leaves in the build's output.
fn find_loader(debug: &Path) -> Result<PathBuf> {
    let beside = debug.join("WebView2Loader.dll");
    if beside.is_file() {
        return Ok(beside);
    }
    let build = debug.join("build");
    let found = std::fs::read_dir(&build)
        .map_err(|e| format!("{}: {e}", build.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("webview2-com-sys-"))
        .map(|e| e.path().join("out").join("x64").join("WebView2Loader.dll"))
        .find(|p| p.is_file());
    found.ok_or_else(|| format!("WebView2Loader.dll is not in {} nor its build folders", debug.display()))
}

/// Unpacks the zip into `target/wine/便携 测试` and checks it: exactly the expected files, the
/// marker empty, and its command line, run from there under Wine without `--data-dir`, keeping
/// the demo's database in 数据 beside itself.
pub fn check(root: &Path, zip_path: &Path, wine_env: &[(&str, &str)]) -> Result {
    let file = std::fs::File::open(zip_path).map_err(|e| e.to_string())?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.map(|n| n.into_owned()))
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| e.to_string())?;
    names.sort();
    let mut wanted: Vec<String> = entries().iter().map(|n| format!("{FOLDER}/{n}")).collect();
    wanted.sort();
    if names != wanted {
        return Err(format!("the portable zip holds {names:?}, wanted {wanted:?}"));
    }
    let mut marker = String::new();
    archive.by_name(&format!("{FOLDER}/{MARKER}")).map_err(|e| e.to_string())?.read_to_string(&mut marker).ok();
    if !marker.is_empty() {
        return Err("the portable marker should be empty".into());
    }
    let place = root.join("target").join("wine").join("便携 测试");
    let _ = std::fs::remove_dir_all(&place);
    archive.extract(&place).map_err(|e| e.to_string())?;
    let folder = place.join(FOLDER);
    run(&folder, "wine", &["sanliang.exe", "demo"], wine_env)?;
    let db = folder.join(DATA).join("sanliang.db");
    if !db.is_file() {
        return Err(format!("the portable copy did not keep its data beside it ({} is missing)", db.display()));
    }
    eprintln!("==> portable copy: {} entries, data kept in {}", names.len(), db.display());
    Ok(())
}
