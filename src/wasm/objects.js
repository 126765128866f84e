// The engine's results as the plain objects the extension reads, built from the tape `src/wasm.rs`
// writes: numbers in one array, every string in one text, each string's length in UTF-16 units
// among the numbers. One call from the engine and one text to decode, where setting each field
// from the wasm cost a call per field and a text per string, a fifth of a note's analysis.
// The shapes (field names and order) are those of `src/report.rs` and `src/suggest/mod.rs`, as
// the CLI writes them; tests/wasm/analyze.test.mjs checks the two agree on every note of the
// development set.

function reader(nums, text) {
  let i = 0;
  let at = 0;
  return {
    num: () => nums[i++],
    flag: () => nums[i++] === 1,
    str: () => text.slice(at, (at += nums[i++])),
    span: () => ({ start: nums[i++], end: nums[i++] }),
    list: (item) => {
      const out = [];
      for (let n = nums[i++]; n > 0; n--) out.push(item());
      return out;
    },
  };
}

export function reportFromTape(nums, text) {
  const { num, flag, str, span, list } = reader(nums, text);
  const report = {
    verdict: str(),
    length: { used: num(), limit: num() },
    checklist: {
      not_canned: flag(),
      greets_by_name: flag(),
      how_we_know: flag(),
      why_connect: flag(),
      offers_value: flag(),
      within_limit: flag(),
      no_placeholders: flag(),
      spelling_ok: flag(),
    },
    context: list(() => ({ kind: str(), span: span(), cue: str() })),
    findings: list(() => ({
      rule: str(),
      severity: str(),
      message: str(),
      span: span(),
      fixes: list(() => ({ label: str(), span: span(), replacement: str() })),
    })),
  };
  // Left out when empty, as in the CLI's JSON.
  const omitted = list(() => ({ rule: str(), count: num() }));
  if (omitted.length > 0) report.omitted = omitted;
  return report;
}

export function suggestionsFromTape(nums, text) {
  const { str, span, list } = reader(nums, text);
  return { suggestions: list(() => ({ intent: str(), text: str(), slots: list(span), lang: str() })) };
}

export function rulesFromTape(nums, text) {
  const { str, list } = reader(nums, text);
  return list(() => ({ id: str(), title: str() }));
}
