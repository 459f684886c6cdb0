//! A small static file server for `dist/`, std only: used by `cargo xtask serve` and by the
//! browser tests. GET and HEAD, keep-alive, the right Content-Type (`application/wasm` above
//! all), precompressed `.br`/`.gz` siblings when the client accepts them, a fallback to
//! `index.html` for extension-less paths, and extra response headers (the CSP).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The app's Content-Security-Policy, sent by `cargo xtask serve --csp`.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Largest request head (request line and headers) accepted.
const MAX_HEAD: usize = 16 * 1024;
/// An idle keep-alive connection is closed after this long.
const IDLE: Duration = Duration::from_secs(15);

#[derive(Clone, Debug)]
pub struct ServerOptions {
    /// The directory served as `/`.
    pub root: PathBuf,
    pub addr: SocketAddr,
    /// Sent with every response, in order.
    pub headers: Vec<(String, String)>,
    /// Serve `index.html` for a missing path whose last segment has no dot.
    pub spa_fallback: bool,
    /// Print every request; otherwise only the ones that did not succeed.
    pub log_requests: bool,
}

impl ServerOptions {
    pub fn new(root: PathBuf, addr: SocketAddr) -> ServerOptions {
        ServerOptions {
            root,
            addr,
            headers: Vec::new(),
            spa_fallback: true,
            log_requests: false,
        }
    }

    pub fn add_header(&mut self, name: &str, value: &str) {
        self.headers.push((name.to_string(), value.to_string()));
    }
}

pub struct Server {
    listener: TcpListener,
    options: Arc<ServerOptions>,
}

/// A server running in a thread; `stop` ends it.
pub struct Running {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

impl Server {
    pub fn bind(options: ServerOptions) -> io::Result<Server> {
        let listener = TcpListener::bind(options.addr)?;
        Ok(Server {
            listener,
            options: Arc::new(options),
        })
    }

    /// The bound address, with the real port when the options asked for port 0.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// Serves until the process ends.
    pub fn run(self) {
        self.accept_until(&AtomicBool::new(false));
    }

    /// Serves from a new thread until [`Running::stop`].
    pub fn spawn(self) -> Running {
        let addr = self.local_addr();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = thread::spawn(move || self.accept_until(&flag));
        Running { addr, stop, thread }
    }

    fn accept_until(&self, stop: &AtomicBool) {
        for stream in self.listener.incoming() {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            match stream {
                Ok(stream) => {
                    let options = Arc::clone(&self.options);
                    thread::spawn(move || {
                        if let Err(e) = serve_connection(stream, &options) {
                            if !matches!(
                                e.kind(),
                                io::ErrorKind::BrokenPipe
                                    | io::ErrorKind::ConnectionReset
                                    | io::ErrorKind::WouldBlock
                                    | io::ErrorKind::TimedOut
                            ) {
                                eprintln!("serve: connection error: {e}");
                            }
                        }
                    });
                }
                Err(e) => eprintln!("serve: accept failed: {e}"),
            }
        }
    }
}

impl Running {
    pub fn stop(self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        let _ = self.thread.join();
    }
}

struct Request {
    method: String,
    target: String,
    keep_alive: bool,
    accept_encoding: String,
}

/// Reads one request head; `Ok(None)` when the client closed the connection cleanly.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<Request>> {
    let mut head_len = 0;
    let mut line = String::new();
    // Tolerate blank lines before a request line (RFC 9112, 2.2).
    loop {
        line.clear();
        let n = reader.by_ref().take(MAX_HEAD as u64).read_line(&mut line)?;
        if n == 0 {
            return Ok(None);
        }
        head_len += n;
        if !line.trim().is_empty() {
            break;
        }
        if head_len >= MAX_HEAD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "request head too large",
            ));
        }
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "bad request line",
        ));
    };
    let mut request = Request {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive: version == "HTTP/1.1",
        accept_encoding: String::new(),
    };
    let mut has_body = false;
    loop {
        line.clear();
        let n = reader.by_ref().take(MAX_HEAD as u64).read_line(&mut line)?;
        head_len += n;
        if n == 0 || head_len > MAX_HEAD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "truncated request head",
            ));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "connection" => {
                let v = value.to_ascii_lowercase();
                if v.contains("close") {
                    request.keep_alive = false;
                } else if v.contains("keep-alive") {
                    request.keep_alive = true;
                }
            }
            "accept-encoding" => request.accept_encoding = value.to_ascii_lowercase(),
            "content-length" => has_body = value != "0",
            "transfer-encoding" => has_body = true,
            _ => {}
        }
    }
    // Bodies are never read: do not try to find the next request after one.
    if has_body {
        request.keep_alive = false;
    }
    Ok(Some(request))
}

fn serve_connection(stream: TcpStream, options: &ServerOptions) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let request = match read_request(&mut reader) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                let response = Response::text(400, "Bad Request");
                response.write(&mut writer, options, false, false)?;
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        let head_only = request.method == "HEAD";
        let response = respond(&request, options);
        if options.log_requests || response.status >= 400 {
            eprintln!(
                "serve: {} {} -> {}",
                request.method, request.target, response.status
            );
        }
        response.write(&mut writer, options, head_only, request.keep_alive)?;
        if !request.keep_alive {
            let _ = writer.shutdown(Shutdown::Write);
            return Ok(());
        }
    }
}

struct Response {
    status: u16,
    content_type: &'static str,
    encoding: Option<&'static str>,
    vary: bool,
    allow: bool,
    body: Vec<u8>,
}

impl Response {
    fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            encoding: None,
            vary: false,
            allow: false,
            body: format!("{status} {text}\n").into_bytes(),
        }
    }

    fn write(
        &self,
        out: &mut impl Write,
        options: &ServerOptions,
        head_only: bool,
        keep_alive: bool,
    ) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
        );
        if let Some(encoding) = self.encoding {
            head.push_str(&format!("Content-Encoding: {encoding}\r\n"));
        }
        if self.vary {
            head.push_str("Vary: Accept-Encoding\r\n");
        }
        if self.allow {
            head.push_str("Allow: GET, HEAD\r\n");
        }
        for (name, value) in &options.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(if keep_alive {
            "Connection: keep-alive\r\n\r\n"
        } else {
            "Connection: close\r\n\r\n"
        });
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    }
}

/// Whether a compressed sibling exists and is not older than its file: a
/// file edited after the build (a deployment's `terbitan.txt`, a published
/// SOP) is sent as it now is, not as the build compressed it.
fn fresh(sibling: &Path, file: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(sibling), modified(file)) {
        (Some(s), Some(f)) => s >= f,
        _ => false,
    }
}

fn respond(request: &Request, options: &ServerOptions) -> Response {
    if request.method != "GET" && request.method != "HEAD" {
        let mut response = Response::text(405, "Method Not Allowed");
        response.allow = true;
        return response;
    }
    let Some(path) = resolve(&options.root, &request.target, options.spa_fallback) else {
        return Response::text(404, "Not Found");
    };
    let content_type = content_type(&path);
    let mut vary = false;
    for (token, suffix) in [("br", "br"), ("gzip", "gz")] {
        let mut sibling = path.clone().into_os_string();
        sibling.push(".");
        sibling.push(suffix);
        let sibling = PathBuf::from(sibling);
        if !fresh(&sibling, &path) {
            continue;
        }
        vary = true;
        if accepts(&request.accept_encoding, token) {
            if let Ok(body) = std::fs::read(&sibling) {
                return Response {
                    status: 200,
                    content_type,
                    encoding: Some(token),
                    vary,
                    allow: false,
                    body,
                };
            }
        }
    }
    match std::fs::read(&path) {
        Ok(body) => Response {
            status: 200,
            content_type,
            encoding: None,
            vary,
            allow: false,
            body,
        },
        Err(_) => Response::text(500, "Internal Server Error"),
    }
}

/// Whether an Accept-Encoding value (lower-cased) accepts `coding` (q=0 refuses it).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        name == coding && !refused
    })
}

/// Maps a request target to a file under `root`, or `None` (404).
fn resolve(root: &Path, target: &str, spa_fallback: bool) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let decoded = String::from_utf8(percent_decode(path)?).ok()?;
    let mut file = root.to_path_buf();
    let mut last = "";
    for segment in decoded.split('/') {
        match segment {
            "" | "." => continue,
            ".." => return None,
            s if s.contains(['\\', '\0']) => return None,
            s => {
                file.push(s);
                last = s;
            }
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    if file.is_file() {
        return Some(file);
    }
    if spa_fallback && !last.contains('.') {
        let index = root.join("index.html");
        if index.is_file() {
            return Some(index);
        }
    }
    None
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "toml" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn scratch(name: &str) -> PathBuf {
        let dir = crate::scratch(&format!("serve-{name}"));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html><main>hi</main>").unwrap();
        std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dir.join("app.js"), "export {}").unwrap();
        std::fs::write(dir.join("app.js.gz"), b"gzipped").unwrap();
        std::fs::write(dir.join("sub/a b.json"), "{}").unwrap();
        dir
    }

    /// `dir` served on a free port, without extra headers.
    fn serve(dir: &Path) -> (SocketAddr, Running) {
        let server = Server::bind(ServerOptions::new(
            dir.to_path_buf(),
            (Ipv4Addr::LOCALHOST, 0).into(),
        ))
        .unwrap();
        (server.local_addr(), server.spawn())
    }

    /// Sends one raw request and returns the whole response as text.
    fn fetch(addr: SocketAddr, request: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        String::from_utf8_lossy(&response).into_owned()
    }

    fn get(addr: SocketAddr, path: &str, extra: &str) -> String {
        fetch(
            addr,
            &format!("GET {path} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n"),
        )
    }

    #[test]
    fn a_file_edited_after_its_compressed_copy_is_sent_as_it_now_is() {
        let dir = scratch("stale");
        std::fs::write(dir.join("terbitan.json"), "[\"baru\"]").unwrap();
        std::fs::write(dir.join("terbitan.json.gz"), b"the build's").unwrap();
        let at = |name: &str, secs: u64| {
            std::fs::File::options()
                .write(true)
                .open(dir.join(name))
                .unwrap()
                .set_modified(std::time::UNIX_EPOCH + Duration::from_secs(secs))
                .unwrap();
        };
        at("terbitan.json.gz", 1_000);
        at("terbitan.json", 2_000);
        let (addr, running) = serve(&dir);
        let edited = get(addr, "/terbitan.json", "Accept-Encoding: gzip\r\n");
        assert!(!edited.contains("Content-Encoding"), "{edited}");
        assert!(edited.ends_with("[\"baru\"]"));
        // As built: the compressed copy is as new as its file.
        at("terbitan.json.gz", 2_000);
        let built = get(addr, "/terbitan.json", "Accept-Encoding: gzip\r\n");
        assert!(built.contains("Content-Encoding: gzip\r\n"), "{built}");
        assert!(built.ends_with("the build's"));
        running.stop();
    }

    #[test]
    fn serves_files_types_encodings_and_headers() {
        let dir = scratch("main");
        let mut options = ServerOptions::new(dir.clone(), (Ipv4Addr::LOCALHOST, 0).into());
        options.add_header("Content-Security-Policy", CSP);
        let server = Server::bind(options).unwrap();
        let addr = server.local_addr();
        let running = server.spawn();

        let wasm = get(addr, "/app_bg.wasm", "");
        assert!(wasm.starts_with("HTTP/1.1 200 OK\r\n"), "{wasm}");
        assert!(wasm.contains("Content-Type: application/wasm\r\n"));
        assert!(wasm.contains("Content-Length: 8\r\n"));
        assert!(wasm.contains(&format!("Content-Security-Policy: {CSP}\r\n")));

        let index = get(addr, "/", "");
        assert!(index.contains("Content-Type: text/html; charset=utf-8"));
        assert!(index.ends_with("<main>hi</main>"));

        let js = get(addr, "/app.js", "Accept-Encoding: gzip, deflate, br\r\n");
        assert!(js.contains("Content-Encoding: gzip\r\n"), "{js}");
        assert!(js.contains("Vary: Accept-Encoding\r\n"));
        assert!(js.ends_with("gzipped"));
        let plain = get(addr, "/app.js", "Accept-Encoding: gzip;q=0\r\n");
        assert!(!plain.contains("Content-Encoding"));
        assert!(plain.ends_with("export {}"));

        assert!(get(addr, "/sub/a%20b.json?x=1", "").contains("application/json"));
        assert!(get(addr, "/some/route", "").ends_with("<main>hi</main>"));
        assert!(get(addr, "/missing.png", "").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "/../Cargo.toml", "").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "/%2e%2e/etc/passwd", "").starts_with("HTTP/1.1 404"));

        let head = fetch(addr, "HEAD /app.js HTTP/1.1\r\nConnection: close\r\n\r\n");
        assert!(head.contains("Content-Length: 9\r\n") && head.ends_with("\r\n\r\n"));
        let post = fetch(
            addr,
            "POST / HTTP/1.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        assert!(post.starts_with("HTTP/1.1 405") && post.contains("Allow: GET, HEAD"));
        assert!(fetch(addr, "nonsense\r\n\r\n").starts_with("HTTP/1.1 400"));

        running.stop();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn keeps_connections_alive() {
        let dir = scratch("keepalive");
        let (addr, running) = serve(&dir);
        let response = fetch(
            addr,
            "GET /app.js HTTP/1.1\r\n\r\nGET /app.js HTTP/1.1\r\nConnection: close\r\n\r\n",
        );
        assert_eq!(response.matches("HTTP/1.1 200 OK").count(), 2, "{response}");
        running.stop();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type(Path::new("a/x.WASM")), "application/wasm");
        assert_eq!(
            content_type(Path::new("site.webmanifest")),
            "application/manifest+json"
        );
        assert_eq!(content_type(Path::new("i.svg")), "image/svg+xml");
        assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
    }
}
