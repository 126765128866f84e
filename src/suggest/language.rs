//! Which language to write the rewrites in: the note's own, so that a German note gets German
//! rewrites whatever language the sender reads the messages in.

use super::cues::cues;
use crate::languages::{self, LANGUAGES};
use crate::reading::Reading;

/// The note's language by its marker words; for a note too short to have any, the sender's
/// language (`fallback`, a tag such as `pt-BR`), or English.
pub(super) fn language_of(r: &Reading, fallback: &str) -> &'static str {
    cues()
        .language(r)
        .unwrap_or_else(|| LANGUAGES[languages::index(fallback)])
}

#[cfg(test)]
mod tests {
    use crate::suggest;
    use crate::testing::to;
    use crate::Context;

    #[test]
    fn in_the_notes_own_language() {
        for (note, greeting) in [
            (
                "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
                "Hallo Sam,",
            ),
            (
                "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.",
                "Bonjour Sam,",
            ),
            (
                "Me gustaría añadirte a mi red profesional en LinkedIn.",
                "Hola Sam,",
            ),
            (
                "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
                "Olá Sam,",
            ),
            (
                "I'd like to add you to my professional network on LinkedIn.",
                "Hi Sam,",
            ),
        ] {
            let list = suggest(note, &to("Sam Okafor"));
            assert!(list.len() >= 3, "{note}");
            assert!(
                list.iter().all(|s| s.text.starts_with(greeting)),
                "{note}: {list:?}"
            );
        }
        // An empty note follows the sender's language.
        let ctx = Context {
            lang: Some("fr".into()),
            ..to("Sam Okafor")
        };
        assert!(suggest("", &ctx)[0].text.starts_with("Bonjour"));
    }
}
