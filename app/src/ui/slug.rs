//! Closed sets of values that appear in URLs, cookies and the database as stable slugs and in the
//! UI as German labels: declared once each with [`slug_enum!`].

/// A closed set of values with a stable slug and a label each.
pub trait Slug: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn label(self) -> &'static str;
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

/// Declares an enum with a slug and a label per variant (`Variant = "slug" / "Label"`): serde and
/// the OpenAPI schema use the slugs, `ALL` lists the variants in their order, `SLUGS` their slugs.
#[macro_export]
// The slug is a `tt`, not a `literal`: utoipa reads a serde rename only from a plain token.
macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:tt / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        pub enum $name { $(#[serde(rename = $slug)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const SLUGS: &'static [&'static str] = &[$($slug),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                <Self as $crate::ui::slug::Slug>::parse(s)
            }

            /// Position in `ALL`, for counting.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::ui::slug::Slug for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn label(self) -> &'static str {
                $name::label(self)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::slug_enum!(Colour { Red = "red" / "Rot", DarkBlue = "blau-dunkel" / "Dunkelblau" });

    #[test]
    fn slugs_labels_serde_and_parse_agree() {
        for (c, slug) in Colour::ALL.iter().zip(Colour::SLUGS) {
            assert_eq!(c.as_str(), *slug);
            assert_eq!(Colour::parse(slug), Some(*c));
            assert_eq!(serde_json::to_string(c).unwrap(), format!("\"{slug}\""));
            assert_eq!(serde_json::from_str::<Colour>(&format!("\"{slug}\"")).unwrap(), *c);
        }
        assert_eq!(Colour::DarkBlue.label(), "Dunkelblau");
        assert_eq!(Colour::DarkBlue.index(), 1);
        assert_eq!(Colour::parse("blue"), None);
    }
}
