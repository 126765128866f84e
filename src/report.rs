//! What the engine says about a note: the report and the context it was read in.
//!
//! The JSON form of these types is a contract shared by the CLI, the wasm bindings and the
//! extension's UI, so field names and enum spellings here must not drift.

use serde::{Deserialize, Serialize};

/// What the page knows about the invitation being written.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Context {
    pub recipient: Option<Recipient>,
    /// The note box's limit in UTF-16 code units; 300 when unknown.
    pub limit: Option<u32>,
    /// The sender's own name, used to tell a sign-off from a greeting.
    pub sender_name: Option<String>,
    /// The sender's one-line role ("product designer at Acme"), for rewrites.
    pub sender_role: Option<String>,
    /// The sender says the recipient knows them well and expects the invitation: a canned note
    /// is then only a hint.
    pub expecting: bool,
    /// The language of the messages the sender reads: `en`, `de`, `fr`, `es` or `pt`
    /// (a region such as `pt-BR` is fine); English when absent or unknown. The note itself
    /// may be in any language.
    pub lang: Option<String>,
    /// Rule ids the sender turned off: their findings are left out of the report.
    pub disabled_rules: Vec<String>,
}

impl Context {
    pub const DEFAULT_LIMIT: u32 = 300;

    pub fn limit(&self) -> u32 {
        self.limit.filter(|&l| l > 0).unwrap_or(Self::DEFAULT_LIMIT)
    }

    /// The recipient's first name, from `first_name` or else the first word of `full_name`.
    pub fn recipient_first_name(&self) -> Option<&str> {
        let r = self.recipient.as_ref()?;
        let first = r
            .first_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        first.or_else(|| r.full_name.as_deref()?.split_whitespace().next())
    }

    /// The recipient's last name, the last word of `full_name` when it has more than one.
    pub fn recipient_last_name(&self) -> Option<&str> {
        let full = self.recipient.as_ref()?.full_name.as_deref()?;
        let mut words = full.split_whitespace();
        let first = words.next();
        words.last().filter(|last| Some(*last) != first)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Recipient {
    pub first_name: Option<String>,
    pub full_name: Option<String>,
    /// The profile's headline, when the page shows it; used by rewrites.
    pub headline: Option<String>,
    /// Where the recipient works, when the page shows it; used by rewrites.
    pub company: Option<String>,
    /// The mutual connections the page names beside the dialog, in its order: the fix of
    /// `unnamed-mutuals` offers each, and rewrites name the first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mutuals: Vec<String>,
    /// How many mutual connections the page counts, the named ones included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mutual_count: Option<u32>,
    /// What LinkedIn itself says the two share: "You both studied at …", "You both worked at
    /// …", a group both are in. Rewrites say it as "we both …", never "together": the page does
    /// not say when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_school: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_employer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_group: Option<String>,
    /// Titles or first lines of the recipient's recent posts and articles, newest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<String>,
    /// The profile's about text, read only to tell the language the profile is written in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// The language the profile is written in (`pt`, `de-AT`…), when the page says it; otherwise
    /// it is told from the headline, the about text and the post titles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_lang: Option<String>,
}

impl Recipient {
    /// `text` trimmed, `None` when nothing is left: the page's empty elements say nothing.
    pub(crate) fn present(text: &Option<String>) -> Option<&str> {
        text.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// A half-open range of UTF-16 code units into the note, as JavaScript's string indices count.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The note says nothing a recipient could not get from LinkedIn's own default.
    Canned,
    /// The sender wrote something of their own, but not how they know or why this person.
    NeedsContext,
    /// The note tells the recipient how or why: the kind of note the seeds' readers accept.
    Personal,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Canned => "canned",
            Verdict::NeedsContext => "needs_context",
            Verdict::Personal => "personal",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// How many code units the note uses of the box's limit.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Length {
    pub used: u32,
    pub limit: u32,
}

/// The questions a recipient silently asks, answered for the sender at a glance.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Checklist {
    pub not_canned: bool,
    pub greets_by_name: bool,
    pub how_we_know: bool,
    pub why_connect: bool,
    pub offers_value: bool,
    pub within_limit: bool,
    pub no_placeholders: bool,
    pub spelling_ok: bool,
}

/// A sentence or clause that gives the recipient a reason: where it is and what kind it is.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ContextHit {
    pub kind: ContextKind,
    pub span: Span,
    /// The words that gave it away, as written in the note.
    pub cue: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ContextKind {
    Met,
    WorkedTogether,
    StudiedTogether,
    /// A named person both know; "mutual connections" with no name is not this.
    MutualConnection,
    SharedGroup,
    TheirWork,
    ValueOffer,
    Reconnect,
    SharedInterest,
    IntentJob,
    IntentHiring,
    IntentSales,
    IntentAdvice,
}

impl ContextKind {
    pub const ALL: [ContextKind; 13] = [
        ContextKind::Met,
        ContextKind::WorkedTogether,
        ContextKind::StudiedTogether,
        ContextKind::MutualConnection,
        ContextKind::SharedGroup,
        ContextKind::TheirWork,
        ContextKind::ValueOffer,
        ContextKind::Reconnect,
        ContextKind::SharedInterest,
        ContextKind::IntentJob,
        ContextKind::IntentHiring,
        ContextKind::IntentSales,
        ContextKind::IntentAdvice,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ContextKind::Met => "met",
            ContextKind::WorkedTogether => "worked_together",
            ContextKind::StudiedTogether => "studied_together",
            ContextKind::MutualConnection => "mutual_connection",
            ContextKind::SharedGroup => "shared_group",
            ContextKind::TheirWork => "their_work",
            ContextKind::ValueOffer => "value_offer",
            ContextKind::Reconnect => "reconnect",
            ContextKind::SharedInterest => "shared_interest",
            ContextKind::IntentJob => "intent_job",
            ContextKind::IntentHiring => "intent_hiring",
            ContextKind::IntentSales => "intent_sales",
            ContextKind::IntentAdvice => "intent_advice",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Says how the sender knows or found the recipient.
    pub fn answers_how(self) -> bool {
        matches!(
            self,
            ContextKind::Met
                | ContextKind::WorkedTogether
                | ContextKind::StudiedTogether
                | ContextKind::MutualConnection
                | ContextKind::SharedGroup
                | ContextKind::TheirWork
                | ContextKind::Reconnect
        )
    }

    /// Says why connecting makes sense. A shared group or a named contact says only how (seed 001).
    pub fn answers_why(self) -> bool {
        !matches!(
            self,
            ContextKind::SharedGroup | ContextKind::MutualConnection
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub fixes: Vec<Fix>,
}

/// A safe, obvious edit: replace `span` of the note with `replacement`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Fix {
    pub label: String,
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    pub verdict: Verdict,
    pub length: Length,
    pub checklist: Checklist,
    pub context: Vec<ContextHit>,
    /// At most a few findings a rule (`rules::MAX_FINDINGS_PER_RULE`), the first in the note.
    pub findings: Vec<Finding>,
    /// How many more findings each rule had beyond those listed; empty for almost every note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
}

/// Findings of `rule` left out of the list: their count.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Omitted {
    pub rule: String,
    pub count: u32,
}

impl Report {
    pub fn has_rule(&self, rule: &str) -> bool {
        self.findings.iter().any(|f| f.rule == rule)
    }
}
