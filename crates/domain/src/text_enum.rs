//! `text_enum!`: an enum whose values are stored in the database, submitted in forms and
//! used in URLs and message keys as fixed texts. One declaration pairs each variant with its
//! text, so the text and its parsing cannot drift apart; with the `sqlx` feature (turned on by
//! the storage crate) the enum is also bound and read as a text column on SQLite and
//! PostgreSQL, and a text that names no variant is a decoding error, never a default.

/// What every [`text_enum!`] enum offers generic code, such as a drop-down of all its values.
pub trait TextEnum: Copy + 'static {
    /// Every value in declaration order.
    const VALUES: &'static [Self];

    /// The value's text, as `as_str` gives it.
    fn text(self) -> &'static str;
}

/// Declares a unit-only enum with its texts:
///
/// ```
/// agora_domain::text_enum! {
///     /// How a reply arrived.
///     pub enum Via {
///         /// By post.
///         Post = "post",
///         /// Through the site.
///         Online = "online",
///     }
/// }
/// assert_eq!(Via::parse("post"), Some(Via::Post));
/// assert_eq!(Via::Online.as_str(), "online");
/// assert_eq!(Via::ALL, [Via::Post, Via::Online]);
/// ```
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value in declaration order, the order lists and drop-downs show them in.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The value's text: stored in the database, used in forms and URLs, and the suffix
            /// of its message keys.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text ),+
                }
            }

            /// The value a text written by `as_str` names; `None` for any other text.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $( $text => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl $crate::TextEnum for $name {
            const VALUES: &'static [Self] = &$name::ALL;

            fn text(self) -> &'static str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::__text_enum_sqlx!($name);
    };
}

/// The database side of [`text_enum!`]: a text column on both backends.
#[cfg(feature = "sqlx")]
#[doc(hidden)]
#[macro_export]
macro_rules! __text_enum_sqlx {
    ($name:ident) => {
        $crate::__text_enum_sqlx!(@backend $name, $crate::__sqlx::Sqlite);
        $crate::__text_enum_sqlx!(@backend $name, $crate::__sqlx::Postgres);
    };
    (@backend $name:ident, $db:ty) => {
        impl $crate::__sqlx::Type<$db> for $name {
            fn type_info() -> <$db as $crate::__sqlx::Database>::TypeInfo {
                <str as $crate::__sqlx::Type<$db>>::type_info()
            }

            fn compatible(ty: &<$db as $crate::__sqlx::Database>::TypeInfo) -> bool {
                <str as $crate::__sqlx::Type<$db>>::compatible(ty)
            }
        }

        impl<'q> $crate::__sqlx::Encode<'q, $db> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <$db as $crate::__sqlx::Database>::ArgumentBuffer,
            ) -> ::std::result::Result<$crate::__sqlx::encode::IsNull, $crate::__sqlx::error::BoxDynError> {
                <&str as $crate::__sqlx::Encode<'q, $db>>::encode(self.as_str(), buf)
            }
        }

        impl<'r> $crate::__sqlx::Decode<'r, $db> for $name {
            fn decode(
                value: <$db as $crate::__sqlx::Database>::ValueRef<'r>,
            ) -> ::std::result::Result<Self, $crate::__sqlx::error::BoxDynError> {
                let text = <&str as $crate::__sqlx::Decode<'r, $db>>::decode(value)?;
                $name::parse(text)
                    .ok_or_else(|| format!("{:?} is not a known {} value", text, stringify!($name)).into())
            }
        }
    };
}

/// Without the `sqlx` feature the enums are plain values.
#[cfg(not(feature = "sqlx"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __text_enum_sqlx {
    ($name:ident) => {};
}
