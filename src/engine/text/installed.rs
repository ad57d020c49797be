//! Data installed at run time (the question bank, labels and action texts the browser fetches on
//! demand), replaced when a copy carrying more languages arrives.
//!
//! Each copy is leaked on purpose: screens and the state hold `&'static` references to it, and
//! compare banks by address. A page leaks at most one superseded copy per data set (the first
//! language's, once both are fetched).

use std::sync::Mutex;

use crate::engine::text::lang::Langs;

/// One data set's installed copy and the languages it carries.
pub struct Installed<T: 'static> {
    slot: Mutex<Option<(&'static T, Langs)>>,
}

impl<T> Installed<T> {
    /// Nothing installed yet.
    pub const fn empty() -> Self {
        Installed {
            slot: Mutex::new(None),
        }
    }

    /// The installed copy and its languages.
    pub fn get(&self) -> Option<(&'static T, Langs)> {
        // One thread in the browser; a test that panicked holding the lock left valid data.
        *self
            .slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The installed copy if it carries `langs`; otherwise `parse`'s, which then replaces it.
    pub fn install(
        &self,
        langs: Langs,
        parse: impl FnOnce() -> Result<T, String>,
    ) -> Result<&'static T, String> {
        if let Some((copy, have)) = self.get() {
            if have.covers(langs) {
                return Ok(copy);
            }
        }
        let copy: &'static T = Box::leak(Box::new(parse()?));
        *self
            .slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some((copy, langs));
        Ok(copy)
    }

    /// The languages the installed copy carries (none before the first install).
    pub fn langs(&self) -> Langs {
        self.get().map_or(Langs::default(), |(_, have)| have)
    }

    /// Whether the installed copy carries `lang`'s texts.
    pub fn covers(&self, lang: crate::engine::text::lang::Lang) -> bool {
        self.get().is_some_and(|(_, have)| have.contains(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::lang::Lang;

    #[test]
    fn a_copy_with_more_languages_replaces_one_with_fewer_and_never_the_reverse() {
        let data: Installed<&str> = Installed::empty();
        assert!(!data.covers(Lang::En));
        let en = data.install(Langs::only(Lang::En), || Ok("en")).unwrap();
        assert_eq!(*en, "en");
        assert!(data.covers(Lang::En) && !data.covers(Lang::Zh));
        // The same languages again: the installed copy, nothing parsed.
        let again = data.install(Langs::only(Lang::En), || Err("not parsed".into()));
        assert!(std::ptr::eq(again.unwrap(), en));
        let both = data.install(Langs::ALL, || Ok("both")).unwrap();
        assert_eq!(*both, "both");
        assert!(data.covers(Lang::Zh));
        // One language after both: both stay.
        let zh = data.install(Langs::only(Lang::Zh), || Err("not parsed".into()));
        assert!(std::ptr::eq(zh.unwrap(), both));
        // The first copy stays valid for whoever still holds it.
        assert_eq!(*en, "en");
    }

    #[test]
    fn a_copy_that_fails_to_parse_leaves_the_installed_one() {
        let data: Installed<&str> = Installed::empty();
        data.install(Langs::only(Lang::Zh), || Ok("zh")).unwrap();
        let failed = data.install(Langs::ALL, || Err("damaged".into()));
        assert_eq!(failed, Err("damaged".to_owned()));
        assert_eq!(
            data.get().map(|(c, l)| (*c, l)),
            Some(("zh", Langs::only(Lang::Zh)))
        );
    }

    #[test]
    fn language_sets() {
        assert!(Langs::ALL.covers(Langs::only(Lang::En)));
        assert!(Langs::ALL.contains(Lang::Zh));
        assert!(!Langs::only(Lang::En).covers(Langs::ALL));
        assert!(!Langs::only(Lang::En).contains(Lang::Zh));
        assert!(Langs::only(Lang::Zh).covers(Langs::only(Lang::Zh)));
        assert_eq!(Langs::only(Lang::Zh).single(), Some(Lang::Zh));
        assert_eq!(Langs::ALL.single(), None);
    }

    #[test]
    fn the_first_fetch_brings_one_language_and_any_later_one_both() {
        assert_eq!(
            Langs::to_fetch(Langs::default(), Lang::Zh),
            Langs::only(Lang::Zh)
        );
        assert_eq!(Langs::to_fetch(Langs::only(Lang::En), Lang::Zh), Langs::ALL);
        let data: Installed<&str> = Installed::empty();
        assert_eq!(data.langs(), Langs::default());
        data.install(Langs::only(Lang::En), || Ok("en")).unwrap();
        assert_eq!(data.langs(), Langs::only(Lang::En));
    }
}
