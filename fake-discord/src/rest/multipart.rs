//! Just enough `multipart/form-data` parsing for Discord uploads: `payload_json` and files.

use crate::store::UploadedFile;

pub(crate) struct Form {
    pub payload_json: Option<String>,
    pub files: Vec<UploadedFile>,
}

/// `None` when the body is not multipart.
pub(crate) fn parse(content_type: &str, body: &[u8]) -> Option<Form> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = params
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))?
        .1
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut form = Form {
        payload_json: None,
        files: Vec::new(),
    };
    for part in split(body, delimiter.as_bytes()).skip(1) {
        if part.starts_with(b"--") {
            break;
        }
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let Some(split_at) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..split_at]);
        let content = &part[split_at + 4..];
        let content = content.strip_suffix(b"\r\n").unwrap_or(content);
        let (mut name, mut filename, mut content_type) = (None, None, None);
        for line in head.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                name = param(value, "name");
                filename = param(value, "filename");
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                content_type = Some(value.trim().to_owned());
            }
        }
        match (name, filename) {
            (Some(n), None) if n == "payload_json" => {
                form.payload_json = Some(String::from_utf8_lossy(content).into_owned());
            }
            (Some(field), Some(filename)) => form.files.push(UploadedFile {
                field,
                filename,
                content_type,
                size: content.len(),
            }),
            _ => {}
        }
    }
    Some(form)
}

fn param(header_value: &str, key: &str) -> Option<String> {
    header_value
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.trim_matches('"').to_owned())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut body: &'a [u8], delimiter: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match find(body, delimiter) {
            Some(i) => {
                let piece = &body[..i];
                body = &body[i + delimiter.len()..];
                Some(piece)
            }
            None => {
                done = true;
                Some(body)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_payload_and_file() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"plan.txt\"\r\nContent-Type: text/plain\r\n\r\nmarch at noon\r\n--XyZ\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n\r\n{\"content\":\"hi\"}\r\n--XyZ--\r\n";
        let form = parse("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(form.payload_json.as_deref(), Some("{\"content\":\"hi\"}"));
        assert_eq!(form.files.len(), 1);
        assert_eq!(form.files[0].filename, "plan.txt");
        assert_eq!(form.files[0].field, "files[0]");
        assert_eq!(form.files[0].size, "march at noon".len());
        assert!(parse("application/json", body).is_none());
    }
}
