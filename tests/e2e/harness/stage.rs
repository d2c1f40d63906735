//! The stage every window of a run opens on: one display (Xvfb, on Linux) and one tauri-driver
//! (with its platform's WebDriver under it), started once and stopped when the run ends. What
//! either program says goes to a log under target/e2e-logs, and a failure to start says why.

use std::net::TcpStream;
#[cfg(unix)]
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sanliang::paths::Setting;

use super::R;

/// Where the helpers' own output is kept for a person to read when a run fails.
pub fn log_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-logs");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn log_file(name: &str) -> R<std::fs::File> {
    Ok(std::fs::File::create(log_dir().join(name))?)
}

fn require(program: &str, hint: &str) -> PathBuf {
    let exe = if cfg!(windows) { format!("{program}.exe") } else { program.to_owned() };
    let from_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join(&exe)).find(|c| c.exists()))
        .unwrap_or_default();
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    let from_cargo = home.map(|h| Path::new(&h).join(".cargo/bin").join(&exe)).filter(|p| p.exists());
    // A missing prerequisite fails the run loudly; it never skips.
    from_path.or(from_cargo).unwrap_or_else(|| panic!("{program} is missing: {hint} (cargo xtask test installs it)"))
}

/// A process that is stopped when dropped: asked to end, given a moment, then killed with its
/// whole process group (tauri-driver panics if the group is signalled first).
pub struct Guard {
    child: Child,
}

impl Guard {
    fn spawn(command: &mut Command) -> R<Guard> {
        #[cfg(unix)]
        command.process_group(0);
        Ok(Guard { child: command.spawn()? })
    }

    /// Whether the process has ended (and so cannot be what answers on its port).
    fn exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            let pid = self.child.id().to_string();
            let _ = Command::new("kill").args(["-TERM", &pid]).stderr(Stdio::null()).status();
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline && !self.exited() {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pid}")]).stderr(Stdio::null()).status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Stage {
    /// The port tauri-driver serves WebDriver on.
    pub port: u16,
    /// What a program started on the stage needs: its display and session bus.
    pub env: Vec<(&'static str, String)>,
    // Dropped in this order: the driver (and any window under it), the bus, then the display.
    _driver: Guard,
    _bus: Option<Guard>,
    _display: Option<Guard>,
}

impl Stage {
    pub fn start() -> R<Stage> {
        let (display, name) = start_display()?;
        let (bus, address) = start_session_bus()?;
        let mut env = vec![
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "1".to_owned()),
            ("WEBKIT_DISABLE_COMPOSITING_MODE", "1".to_owned()),
        ];
        env.extend(name.map(|n| ("DISPLAY", n)));
        env.extend(address.map(|a| ("DBUS_SESSION_BUS_ADDRESS", a)));
        env.extend(printer()?);
        let driver_bin = require("tauri-driver", "cargo install tauri-driver --version ^2 --locked");
        let native = if cfg!(windows) {
            require("msedgedriver", "the Edge WebDriver matching the installed WebView2")
        } else {
            require("WebKitWebDriver", "apt-get install webkit2gtk-driver")
        };
        // A free port can be taken by someone else before the driver binds it: then the driver
        // exits, and it is started again on other ports.
        let mut last = String::new();
        for attempt in 1..=5 {
            let (port, native_port) = (free_port()?, free_port()?);
            let mut command = Command::new(&driver_bin);
            command
                .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
                .arg("--native-driver")
                .arg(&native)
                .stdout(log_file("tauri-driver.out.log")?)
                .stderr(log_file("tauri-driver.err.log")?);
            // The display and bus; WebKit under Xvfb: no GPU buffers, no compositing.
            command.envs(env.iter().map(|(k, v)| (k, v)));
            // Nothing leaks in from whoever runs the tests: each window gets its settings as arguments.
            for setting in Setting::ALL {
                command.env_remove(setting.env());
            }
            let mut driver = Guard::spawn(&mut command)?;
            match wait_for_ports(&mut driver, &[port, native_port]) {
                Ok(()) => return Ok(Stage { port, env, _driver: driver, _bus: bus, _display: display }),
                Err(e) => last = format!("attempt {attempt}: {e}"),
            }
        }
        Err(format!("tauri-driver did not start ({last}); see target/e2e-logs/tauri-driver.err.log").into())
    }
}

/// Where the stage's stand-in printer keeps the jobs it was given.
pub fn printer_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-printer")
}

/// While this file is in [`printer_dir`], the stand-in printer answers as `lp` does on a PC
/// with no default printer.
pub const PRINTER_OFFLINE: &str = "offline";

/// A stand-in for CUPS's `lp`, first on the windows' PATH: it keeps each job's arguments
/// (`job-N.args`) and file (`job-N.pdf`) and answers as lp does — or, while [`PRINTER_OFFLINE`]
/// is there, as lp with no default printer. Everything before it, the app's own code, runs as
/// on a secretary's PC.
#[cfg(unix)]
const LP: &str = r#"#!/bin/sh
set -e
jobs="$SANLIANG_E2E_PRINTER"
if [ -e "$jobs/offline" ]; then echo "lp: Error - No default destination." >&2; exit 1; fi
n=$(( $(ls "$jobs" | grep -c '[.]args$' || true) + 1 ))
printf '%s\n' "$@" > "$jobs/job-$n.args"
for file; do :; done
cp "$file" "$jobs/job-$n.pdf"
echo "request id is Office_Printer-$n (1 file(s))"
"#;

/// Sets up the stand-in printer and returns the environment that puts it first on the PATH.
#[cfg(unix)]
fn printer() -> R<Vec<(&'static str, String)>> {
    use std::os::unix::fs::PermissionsExt;
    let jobs = printer_dir();
    let _ = std::fs::remove_dir_all(&jobs);
    let bin = jobs.with_file_name("e2e-printer-bin");
    std::fs::create_dir_all(&jobs)?;
    std::fs::create_dir_all(&bin)?;
    std::fs::write(bin.join("lp"), LP)?;
    std::fs::set_permissions(bin.join("lp"), std::fs::Permissions::from_mode(0o755))?;
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&path)))?;
    Ok(vec![("PATH", path.to_string_lossy().into_owned()), ("SANLIANG_E2E_PRINTER", jobs.display().to_string())])
}

/// Elsewhere the system's own printing is left alone.
#[cfg(not(unix))]
fn printer() -> R<Vec<(&'static str, String)>> {
    Ok(Vec::new())
}

fn free_port() -> R<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Waits until the driver answers on every port, failing as soon as it has exited.
fn wait_for_ports(driver: &mut Guard, ports: &[u16]) -> R {
    let started = Instant::now();
    for port in ports {
        while TcpStream::connect(("127.0.0.1", *port)).is_err() {
            if driver.exited() {
                return Err(format!("the driver exited before opening port {port}").into());
            }
            if started.elapsed() > Duration::from_secs(30) {
                return Err(format!("port {port} not open within 30 s").into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    Ok(())
}

/// On Linux, a virtual display of its own: Xvfb picks a free display number and writes it to
/// its standard output (`-displayfd`), so two runs never race for one.
#[cfg(target_os = "linux")]
fn start_display() -> R<(Option<Guard>, Option<String>)> {
    use std::io::{BufRead, BufReader};
    let xvfb = require("Xvfb", "apt-get install xvfb");
    let mut command = Command::new(xvfb);
    command
        .args(["-displayfd", "1", "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(log_file("xvfb.log")?);
    let mut guard = Guard::spawn(&mut command)?;
    let stdout = guard.child.stdout.take().ok_or("no output from Xvfb")?;
    // Xvfb writes the number once the display accepts clients; if it fails it exits, and the
    // read ends with nothing.
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let number = line.trim();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        let log = std::fs::read_to_string(log_dir().join("xvfb.log")).unwrap_or_default();
        return Err(format!("Xvfb did not start a display: {log}").into());
    }
    Ok((Some(guard), Some(format!(":{number}"))))
}

/// On Linux, a session bus of its own, as a desktop has: a second start of the app finds the
/// running one through it (tauri-plugin-single-instance).
#[cfg(target_os = "linux")]
fn start_session_bus() -> R<(Option<Guard>, Option<String>)> {
    use std::io::{BufRead, BufReader};
    let daemon = require("dbus-daemon", "apt-get install dbus-daemon");
    let mut command = Command::new(daemon);
    command.args(["--session", "--nofork", "--print-address=1"]).stdout(Stdio::piped()).stderr(log_file("dbus.log")?);
    let mut guard = Guard::spawn(&mut command)?;
    let stdout = guard.child.stdout.take().ok_or("no output from dbus-daemon")?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let address = line.trim().to_owned();
    if address.is_empty() {
        let log = std::fs::read_to_string(log_dir().join("dbus.log")).unwrap_or_default();
        return Err(format!("dbus-daemon did not start a session bus: {log}").into());
    }
    Ok((Some(guard), Some(address)))
}

/// Elsewhere the desktop's own session is used.
#[cfg(not(target_os = "linux"))]
fn start_session_bus() -> R<(Option<Guard>, Option<String>)> {
    Ok((None, None))
}

/// Elsewhere the windows open on the desktop the tests run on.
#[cfg(not(target_os = "linux"))]
fn start_display() -> R<(Option<Guard>, Option<String>)> {
    Ok((None, None))
}
