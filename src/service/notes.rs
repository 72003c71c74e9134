//! Things a reply tells the person besides its answer, as values each front end words.
use crate::domain::{Clash, Rally};

#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A place name that several places share: which was taken, and the others.
    PlaceGuess {
        typed: String,
        chosen: String,
        others: Vec<String>,
    },
    /// How the time reader read an ambiguous time, in its words.
    TimeReading(String),
    /// Other approved rallies nearby at about the same time: moderators weigh these too.
    Clash(Vec<Clash>),
}

impl Note {
    /// Whether moderators deciding on the rally should see it.
    pub fn concerns_moderators(&self) -> bool {
        matches!(self, Note::Clash(_))
    }
}

/// The clashes of a rally, as values.
pub fn clashes(rallies: &[Rally]) -> Vec<Clash> {
    rallies
        .iter()
        .map(|r| Clash {
            rally_id: r.id,
            title: r.title.clone(),
            place: r.place_name.clone(),
        })
        .collect()
}
