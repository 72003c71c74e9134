//! Which language a message no one just asked for goes out in: a channel's post in the
//! server's, a direct message in the one its reader last used with the bot (else the server's).
use super::Service;
use crate::domain::Caller;
use crate::i18n::Lang;

impl Service {
    /// Remembers the languages an interaction came with. A failure here must not cost the
    /// person their answer: it is logged, and the language stays as it was.
    pub(super) async fn note_languages(&self, caller: &Caller, server_id: i64) {
        let now = self.now();
        if let Err(e) = self
            .store
            .note_user_language(caller.user_id, caller.lang, now)
            .await
        {
            tracing::warn!(error = %e, "could not remember a person's language");
        }
        if let Some(lang) = caller.server_lang {
            if let Err(e) = self.store.note_server_language(server_id, lang).await {
                tracing::warn!(error = %e, "could not remember a server's language");
            }
        }
    }

    /// The language of what goes to `reader` (a direct message), or to a channel of the server
    /// when `reader` is `None`.
    pub async fn language_for(
        &self,
        server_id: i64,
        reader: Option<i64>,
    ) -> crate::error::Result<Lang> {
        crate::outbox::language_for(&self.store, server_id, reader).await
    }
}
