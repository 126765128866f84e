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

// The context the other way, read in one call: as one text of its fields in the order
// `src/wasm.rs` reads them, where a getter a field was a call from the engine each, and a
// text to decode for each string. A string is its length in UTF-16 units, ':' and itself; a
// whole number is itself and ';'; a list is its length, ';' and its strings; '-' is a field
// left out, '1' and '0' a yes and a no. A malformed context is '!' and the message that
// says what is wrong, field by field in that order.
class Invalid {
  constructor(what) {
    this.message = `invalid context: ${what}`;
  }
}

function field(obj, name) {
  let value;
  try {
    value = obj[name];
  } catch {
    throw new Invalid(name);
  }
  return value === undefined || value === null ? undefined : value;
}

function isObject(value) {
  return typeof value === 'object' && value !== null;
}

function stringField(obj, name) {
  const value = field(obj, name);
  if (value === undefined) return '-';
  if (typeof value !== 'string') throw new Invalid(`${name} must be a string`);
  return `${value.length}:${value}`;
}

function stringsField(obj, name) {
  const list = field(obj, name);
  if (list === undefined) return '0;';
  if (!Array.isArray(list)) throw new Invalid(`${name} must be an array of strings`);
  let out = `${list.length};`;
  for (const item of Array.from(list)) {
    if (typeof item !== 'string') throw new Invalid(`${name} must be an array of strings`);
    out += `${item.length}:${item}`;
  }
  return out;
}

function countField(obj, name) {
  const value = field(obj, name);
  if (value === undefined) return '-';
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new Invalid(`${name} must be a whole number`);
  }
  return `${value};`;
}

function recipientText(r) {
  return (
    stringField(r, 'first_name') +
    stringField(r, 'full_name') +
    stringField(r, 'headline') +
    stringField(r, 'company') +
    stringsField(r, 'mutuals') +
    countField(r, 'mutual_count') +
    stringField(r, 'shared_school') +
    stringField(r, 'shared_employer') +
    stringField(r, 'shared_group') +
    stringsField(r, 'posts') +
    stringField(r, 'about') +
    stringField(r, 'profile_lang')
  );
}

export function contextText(ctx) {
  if (ctx === undefined || ctx === null) return '-' + '-0' + '0;' + '---';
  try {
    if (!isObject(ctx)) throw new Invalid('expected an object');
    const recipient = field(ctx, 'recipient');
    if (recipient !== undefined && !isObject(recipient)) throw new Invalid('recipient must be an object');
    let out = recipient === undefined ? '-' : '1' + recipientText(recipient);
    try {
      out += countField(ctx, 'limit');
    } catch (e) {
      if (e instanceof Invalid) throw new Invalid('limit must be a whole number of characters');
      throw e;
    }
    const expecting = field(ctx, 'expecting');
    if (expecting !== undefined && typeof expecting !== 'boolean') {
      throw new Invalid('expecting must be true or false');
    }
    out += expecting ? '1' : '0';
    out += stringsField(ctx, 'disabled_rules');
    return out + stringField(ctx, 'sender_name') + stringField(ctx, 'sender_role') + stringField(ctx, 'lang');
  } catch (e) {
    if (e instanceof Invalid) return `!${e.message}`;
    throw e;
  }
}
