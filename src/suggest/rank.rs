//! Which intents to offer first: the ones the note and the page already point at, since a
//! rewrite is easier to take up when it says better what the sender was saying anyway.

use super::cues::cues;
use super::facts::Facts;
use super::templates::Templates;
use crate::reading::Reading;
use crate::text::{fold, TokenKind};
use crate::ContextKind;

/// Intents in the order the note and the page make most useful.
pub(super) fn ranked_intents(r: &Reading, t: &Templates) -> Vec<&'static str> {
    let mut scored: Vec<(i32, usize, &'static str)> = t
        .sections
        .iter()
        .enumerate()
        .map(|(order, (intent, _))| (0, order, *intent))
        .collect();
    let cues = cues();
    // A first and last name outside the greeting and sign-off: someone the sender mentions.
    // One capitalised word is not enough: German capitalises every noun.
    let outside = |i: usize| {
        r.greeting.as_ref().is_none_or(|g| !g.tokens.contains(&i))
            && r.closing.as_ref().is_none_or(|c| !c.contains(&i))
    };
    let named_someone = r.has_kind(ContextKind::MutualConnection)
        || r.tokens().windows(2).enumerate().any(|(i, pair)| {
            pair.iter()
                .all(|t| t.name_like && t.kind == TokenKind::Word)
                && outside(i)
                && r.ctx
                    .recipient_first_name()
                    .is_none_or(|n| fold(n) != pair[0].norm)
        });
    let role = r.ctx.sender_role.as_deref().map(fold).unwrap_or_default();
    let facts = Facts::of(r.ctx);
    for (score, _, intent) in &mut scored {
        *score += page_support(&facts, intent);
        if let Some(kind) = ContextKind::parse(intent) {
            if r.has_kind(kind) {
                *score += 10;
            }
        }
        *score += match *intent {
            "met" if cues.in_note(r, "met") => 8,
            "mutual_connection"
                if named_someone || r.hits_in(r.phrases.unnamed_mutuals).next().is_some() =>
            {
                6
            }
            "shared_group" if cues.in_note(r, "shared_group") => 6,
            "intent_job" if cues.in_note(r, "intent_job") => 7,
            "intent_hiring" if cues.in_role(&role, "intent_hiring") => 9,
            "reconnect" | "worked_together" if r.ctx.expecting || cues.in_note(r, "reconnect") => 6,
            // Unprompted, a job ask or offer is the rewrite a sender is least likely to want.
            "intent_job" | "intent_hiring" => -5,
            _ => 0,
        };
    }
    crate::data::insertion_sort_by(&mut scored, |a, b| (-a.0, a.1) < (-b.0, b.1));
    scored.into_iter().map(|(_, _, intent)| intent).collect()
}

/// What the page shows beside the dialog, by how much it makes an intent the one to offer:
/// a school or an employer both had is a bond; a named contact, a shared group and their post are
/// a way in. Below what the note itself says (10), so a note about a meetup keeps `met` first.
fn page_support(facts: &Facts, intent: &str) -> i32 {
    let (fact, score) = match intent {
        "studied_together" => ("school", 9),
        "worked_together" => ("employer", 9),
        "mutual_connection" => ("mutual", 8),
        "shared_group" => ("group", 7),
        "their_work" => ("post", 7),
        _ => return 0,
    };
    if facts.get(fact).is_some() {
        score
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use crate::suggest::{suggest, REPLACE_CANNED};
    use crate::testing::to;
    use crate::Context;

    #[test]
    fn ranked_by_what_the_note_says() {
        let first = |note: &str| {
            let list = suggest(note, &to("Sam Okafor"));
            list.into_iter()
                .find(|s| s.intent != REPLACE_CANNED)
                .unwrap()
                .intent
        };
        assert_eq!(
            first("Hi Sam, I saw you at the Leeds meetup. Let's connect!"),
            "met"
        );
        assert_eq!(
            first("Hi Sam, Priya Shah thought we should talk. Let's connect!"),
            "mutual_connection"
        );
        assert_eq!(
            first("Hi Sam, we are in the same group. Let's connect!"),
            "shared_group"
        );
        assert_eq!(
            first("Hi Sam, I'm looking for a job. Let's connect!"),
            "intent_job"
        );
        let recruiter = Context {
            sender_role: Some("Technical recruiter at Northwind".into()),
            ..to("Sam Okafor")
        };
        assert_eq!(
            suggest("Let's connect!", &recruiter)[0].intent,
            "intent_hiring"
        );
    }
}
