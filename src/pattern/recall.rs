//! The phrase matches of the sentences searched lately, by their text: at every keystroke a
//! note is read again whole, and all its sentences but the one being written are as they were.
//! A sentence's matches depend on its text alone: its tokens are read from it, and the
//! patterns that may start at any word are weighed against it, not the note.

use super::syntax::Hit;
use super::{open, Cache};

/// Places, each keeping the last sentence whose hash chose it.
const PLACES: usize = 256;
/// A longer sentence is searched each time: the memory stays bounded whatever is pasted.
const LONGEST: usize = 400;

/// One sentence's text and its matches, found when its first token was `base`: the first
/// `canned` in the canned set, the rest in the context set.
#[derive(Default)]
struct Place {
    text: String,
    base: usize,
    hits: Vec<Hit>,
    canned: usize,
}

/// `f` on the places, unless they are in use.
fn with_places<R>(f: impl FnOnce(&mut Vec<Place>) -> R) -> Option<R> {
    let places = super::built_once!(Cache<Vec<Place>>, Cache::new(Vec::new()));
    open(places).map(|mut places| f(&mut places))
}

fn place_of(text: &str) -> usize {
    super::fnv1a(text.as_bytes()) as usize % PLACES
}

/// Adds the remembered matches of the sentence `text`, whose first token is `base`, to
/// `canned` and `context`; false when they are not remembered.
pub fn recall(text: &str, base: usize, canned: &mut Vec<Hit>, context: &mut Vec<Hit>) -> bool {
    with_places(|places| {
        let Some(place) = places.get(place_of(text)).filter(|p| p.text == text) else {
            return false;
        };
        // Loops, not adapters: the wasm, built for size, would add a function for each.
        for (i, h) in place.hits.iter().enumerate() {
            let set = if i < place.canned {
                &mut *canned
            } else {
                &mut *context
            };
            set.push(Hit {
                section: h.section,
                start: h.start - place.base + base,
                end: h.end - place.base + base,
            });
        }
        true
    })
    .unwrap_or(false)
}

/// Remembers the matches `canned` and `context` of the sentence `text`, whose first token is
/// `base`.
pub fn remember(text: &str, base: usize, canned: &[Hit], context: &[Hit]) {
    if text.len() > LONGEST {
        return;
    }
    with_places(|places| {
        if places.is_empty() {
            places.resize_with(PLACES, Place::default);
        }
        let place = &mut places[place_of(text)];
        place.text.clear();
        place.text.push_str(text);
        place.base = base;
        place.hits.clear();
        place.hits.extend_from_slice(canned);
        place.hits.extend_from_slice(context);
        place.canned = canned.len();
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check;

    fn hit(section: usize, start: usize, end: usize) -> Hit {
        Hit {
            section,
            start,
            end,
        }
    }

    #[test]
    fn matches_are_recalled_where_the_sentence_now_starts() {
        let text = "a sentence only this test remembers.";
        let mut recalled = (Vec::new(), Vec::new());
        assert!(!recall(text, 0, &mut recalled.0, &mut recalled.1));
        remember(text, 5, &[hit(0, 5, 7)], &[hit(1, 6, 8), hit(2, 5, 9)]);
        assert!(recall(text, 2, &mut recalled.0, &mut recalled.1));
        assert_eq!(recalled.0, [hit(0, 2, 4)]);
        assert_eq!(recalled.1, [hit(1, 3, 5), hit(2, 2, 6)]);
        assert!(!recall("another one.", 2, &mut recalled.0, &mut recalled.1));
    }

    #[test]
    fn a_remembered_sentence_is_found_where_another_note_has_it() {
        let stock = "I'd like to add you to my professional network.";
        let alone = check(stock);
        let after = check(&format!("Good morning. {stock}"));
        let span_of = |report: &crate::Report| {
            report
                .findings
                .iter()
                .find(|f| f.rule == "canned-default")
                .map(|f| (f.span.start, f.span.end))
        };
        assert_eq!(span_of(&alone), Some((0, stock.len() as u32 - 1)));
        let shift = "Good morning. ".len() as u32;
        assert_eq!(
            span_of(&after),
            Some((shift, shift + stock.len() as u32 - 1))
        );
    }
}
