//! `--jsonl`: one note per input line in, one JSON answer per line out, in the same order.
//!
//! A bad line is answered with `{"error": "line N: …"}` and does not stop the run, so that a
//! batch of thousands of notes is not lost to one stray byte. Input is read a line at a time and
//! output goes through a buffer, so memory stays flat however long the input is.

use std::io::{self, BufRead, BufReader, Read, Write};

use serde::Serialize;
use serde_json::{Map, Value};
use uncanned::{Context, Recipient};

/// Which side of the stream failed: the caller reports the two differently.
#[derive(Debug)]
pub enum Error {
    Read(io::Error),
    Write(io::Error),
}

/// Answers every line of `input` with `answer(text, context)`, or with an error object.
///
/// `defaults` is the context for fields a line leaves out. Returns how many lines were bad.
pub fn run<R, W, T>(
    input: &mut BufReader<R>,
    output: &mut W,
    defaults: &Context,
    mut answer: impl FnMut(&str, &Context) -> T,
) -> Result<u64, Error>
where
    R: Read,
    W: Write,
    T: Serialize,
{
    let mut bad = 0;
    let mut buf = Vec::new();
    for number in 1u64.. {
        // When a producer waits for each answer before sending the next note, the answer must
        // not sit in our buffer while we block on reading; flushing only then keeps batches fast.
        if input.buffer().is_empty() {
            output.flush().map_err(Error::Write)?;
        }
        buf.clear();
        if input.read_until(b'\n', &mut buf).map_err(Error::Read)? == 0 {
            break;
        }
        let mut line = buf.as_slice();
        if number == 1 {
            line = line.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(line);
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        let written = match parse_line(line, defaults) {
            Ok((text, ctx)) => serde_json::to_writer(&mut *output, &answer(&text, &ctx)),
            Err(why) => {
                bad += 1;
                let error = serde_json::json!({ "error": format!("line {number}: {why}") });
                serde_json::to_writer(&mut *output, &error)
            }
        };
        written.map_err(|e| Error::Write(e.into()))?;
        output.write_all(b"\n").map_err(Error::Write)?;
    }
    output.flush().map_err(Error::Write)?;
    Ok(bad)
}

/// The note and its context, or what is wrong with the line.
fn parse_line(line: &[u8], defaults: &Context) -> Result<(String, Context), String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("not valid UTF-8 (bad byte at offset {})", e.valid_up_to()))?;
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        // serde_json's own "line 1" would contradict ours; the column is what helps.
        let msg = msg
            .rsplit_once(" at line ")
            .map_or(msg.as_str(), |(m, _)| m);
        format!("not valid JSON: {msg} at column {}", e.column())
    })?;
    let Value::Object(mut obj) = value else {
        return Err(format!(
            "expected a JSON object like {{\"text\": \"...\"}}, found {}",
            kind(&value)
        ));
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(other) => return Err(format!("\"text\" must be a string, not {}", kind(&other))),
        None => return Err("no \"text\" field: each line needs {\"text\": \"...\"}".into()),
    };
    Ok((text, context(&mut obj, defaults)?))
}

fn context(obj: &mut Map<String, Value>, defaults: &Context) -> Result<Context, String> {
    let mut ctx = defaults.clone();
    match obj.remove("recipient") {
        None | Some(Value::Null) => {}
        Some(v @ Value::Object(_)) => {
            let r: Recipient =
                serde_json::from_value(v).map_err(|e| format!("\"recipient\": {e}"))?;
            ctx.recipient = Some(r);
        }
        Some(other) => {
            return Err(format!(
                "\"recipient\" must be an object like {{\"full_name\": \"...\"}}, not {}",
                kind(&other)
            ))
        }
    }
    match obj.remove("limit") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if n > 0 => ctx.limit = Some(n),
            _ => return Err(format!("\"limit\" must be a positive integer, not {v}")),
        },
    }
    match obj.remove("sender_name") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => ctx.sender_name = Some(s),
        Some(other) => {
            return Err(format!(
                "\"sender_name\" must be a string, not {}",
                kind(&other)
            ))
        }
    }
    match obj.remove("expecting") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => ctx.expecting = b,
        Some(other) => return Err(format!("\"expecting\" must be true or false, not {other}")),
    }
    Ok(ctx)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `input` with an answer that echoes what the line was read as.
    fn echo(input: &[u8], defaults: &Context) -> (Vec<Value>, u64) {
        let mut out = Vec::new();
        let bad = run(
            &mut BufReader::new(input),
            &mut out,
            defaults,
            |text, ctx| serde_json::json!({ "text": text, "ctx": ctx }),
        )
        .unwrap();
        let lines = String::from_utf8(out).unwrap();
        let values = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (values, bad)
    }

    fn error(v: &Value) -> &str {
        v["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error in {v}"))
    }

    #[test]
    fn bad_lines_are_answered_in_place() {
        let input = b"{\"text\": \"one\"}\n\
            {not json\n\
            \n\
            {\"limit\": 200}\n\
            {\"text\": 5}\n\
            {\"text\": \"bad \xff byte\"}\n\
            [1, 2]\n\
            \t \r\n\
            {\"text\": \"last\"}";
        let (out, bad) = echo(input, &Context::default());
        assert_eq!(bad, 5);
        assert_eq!(out.len(), 7);
        assert_eq!(out[0]["text"], "one");
        assert!(
            error(&out[1]).starts_with("line 2: not valid JSON"),
            "{}",
            out[1]
        );
        assert!(
            error(&out[2]).starts_with("line 4: no \"text\""),
            "{}",
            out[2]
        );
        assert!(error(&out[3]).contains("line 5: \"text\" must be a string, not a number"));
        assert!(
            error(&out[4]).starts_with("line 6: not valid UTF-8"),
            "{}",
            out[4]
        );
        assert!(
            error(&out[5]).contains("line 7: expected a JSON object"),
            "{}",
            out[5]
        );
        assert_eq!(out[6]["text"], "last");
    }

    #[test]
    fn json_errors_point_at_the_column_not_serde_lines() {
        let (out, _) = echo(b"{\"text\": \"a\",}\n", &Context::default());
        let e = error(&out[0]);
        assert!(e.starts_with("line 1: not valid JSON: "), "{e}");
        assert!(!e.contains("line 1 column"), "{e}");
        assert!(e.ends_with("at column 14"), "{e}");
    }

    #[test]
    fn line_fields_override_the_defaults() {
        let defaults = Context {
            limit: Some(200),
            sender_name: Some("Bo".into()),
            ..Context::default()
        };
        let input = "{\"text\": \"x\", \"recipient\": {\"full_name\": \"Ana Lima\"}, \
                     \"expecting\": true, \"extra\": [1]}\n\
                     {\"text\": \"y\", \"limit\": 300, \"sender_name\": null}\r\n";
        let (out, bad) = echo(input.as_bytes(), &defaults);
        assert_eq!(bad, 0);
        let ctx: Context = serde_json::from_value(out[0]["ctx"].clone()).unwrap();
        assert_eq!(ctx.recipient_first_name(), Some("Ana"));
        assert_eq!(ctx.limit, Some(200));
        assert!(ctx.expecting);
        let ctx: Context = serde_json::from_value(out[1]["ctx"].clone()).unwrap();
        assert_eq!(
            (ctx.limit, ctx.sender_name.as_deref()),
            (Some(300), Some("Bo"))
        );
    }

    #[test]
    fn malformed_context_fields_are_errors() {
        for (line, want) in [
            (
                r#"{"text": "x", "limit": 0}"#,
                "\"limit\" must be a positive integer, not 0",
            ),
            (r#"{"text": "x", "limit": "abc"}"#, "not \"abc\""),
            (r#"{"text": "x", "limit": 1.5}"#, "\"limit\""),
            (
                r#"{"text": "x", "recipient": "Ana"}"#,
                "\"recipient\" must be an object",
            ),
            (
                r#"{"text": "x", "recipient": {"full_name": 5}}"#,
                "\"recipient\": ",
            ),
            (
                r#"{"text": "x", "sender_name": 1}"#,
                "\"sender_name\" must be a string",
            ),
            (
                r#"{"text": "x", "expecting": "yes"}"#,
                "\"expecting\" must be true or false",
            ),
        ] {
            let (out, bad) = echo(line.as_bytes(), &Context::default());
            assert_eq!(bad, 1, "{line}");
            assert!(error(&out[0]).contains(want), "{line}: {}", out[0]);
        }
    }

    #[test]
    fn byte_order_mark_on_the_first_line_is_ignored() {
        let (out, bad) = echo(
            "\u{FEFF}{\"text\": \"hi\"}\n".as_bytes(),
            &Context::default(),
        );
        assert_eq!((bad, out[0]["text"].as_str()), (0, Some("hi")));
    }
}
