//! Pagination, written once: which items a page shows, its footer and its buttons.
use serenity::all::{CreateActionRow, CreateEmbed, CreateEmbedFooter};

use crate::discord::components::{page_row, ListSource};
use crate::i18n::Lang;
use crate::t;

/// One page of a list.
pub struct Page<'a, T> {
    /// The items on this page.
    pub shown: &'a [T],
    /// From 0, within the list.
    pub page: usize,
    /// At least 1, even for an empty list.
    pub pages: usize,
    /// The language of the footer and buttons.
    pub lang: Lang,
}

/// Page `page` of `items` at `size` a page, for a reader of `lang`; a page past the end shows
/// the last one.
pub fn page<T>(items: &[T], page: usize, size: usize, lang: Lang) -> Page<'_, T> {
    let pages = items.len().div_ceil(size).max(1);
    let page = page.min(pages - 1);
    let start = (page * size).min(items.len());
    let end = (start + size).min(items.len());
    Page {
        shown: &items[start..end],
        page,
        pages,
        lang,
    }
}

impl<T> Page<'_, T> {
    /// "Page 2 of 5" under the embed when there is more than one page.
    pub fn footer(&self, embed: CreateEmbed) -> CreateEmbed {
        if self.pages > 1 {
            embed.footer(CreateEmbedFooter::new(t!(
                self.lang,
                "page-footer",
                page = self.page + 1,
                pages = self.pages
            )))
        } else {
            embed
        }
    }

    /// Previous and Next, when there is more than one page and the list can be rebuilt.
    pub fn buttons(&self, source: Option<&ListSource>) -> Vec<CreateActionRow> {
        source
            .and_then(|s| page_row(s, self.page, self.pages, self.lang))
            .into_iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_the_list_and_stay_in_range() {
        let items: Vec<u32> = (0..23).collect();
        let first = page(&items, 0, 10, Lang::En);
        assert_eq!((first.shown.len(), first.page, first.pages), (10, 0, 3));
        let last = page(&items, 2, 10, Lang::En);
        assert_eq!(last.shown, &[20, 21, 22]);
        let past = page(&items, 9, 10, Lang::En);
        assert_eq!((past.page, past.shown.len()), (2, 3));
        let empty: Vec<u32> = Vec::new();
        let none = page(&empty, 3, 10, Lang::En);
        assert_eq!((none.shown.len(), none.page, none.pages), (0, 0, 1));
        assert!(none.buttons(Some(&ListSource::Queue)).is_empty());
        assert_eq!(
            page(&items, 1, 10, Lang::En)
                .buttons(Some(&ListSource::Queue))
                .len(),
            1
        );
        assert!(page(&items, 1, 10, Lang::En).buttons(None).is_empty());
    }
}
