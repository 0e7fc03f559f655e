//! The request fields a server can name in a validation error, and one thing it refused.

/// A request field the server can complain about, by its JSON name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `nonprofitSlug`
    NonprofitSlug,
    /// `amount`
    Amount,
    /// `currency`
    Currency,
    /// `frequency`
    Frequency,
    /// `provider`
    Provider,
    /// `donorEmail`
    DonorEmail,
    /// `firstName`
    FirstName,
    /// `lastName`
    LastName,
    /// `tipAmount`
    TipAmount,
    /// `tipPercent`
    TipPercent,
    /// `referralCode`
    ReferralCode,
}

impl Field {
    const ALL: [Field; 11] = [
        Field::NonprofitSlug,
        Field::Amount,
        Field::Currency,
        Field::Frequency,
        Field::Provider,
        Field::DonorEmail,
        Field::FirstName,
        Field::LastName,
        Field::TipAmount,
        Field::TipPercent,
        Field::ReferralCode,
    ];

    /// The field's name in the request JSON (`donorEmail`, …).
    pub fn json_name(self) -> &'static str {
        match self {
            Field::NonprofitSlug => "nonprofitSlug",
            Field::Amount => "amount",
            Field::Currency => "currency",
            Field::Frequency => "frequency",
            Field::Provider => "provider",
            Field::DonorEmail => "donorEmail",
            Field::FirstName => "firstName",
            Field::LastName => "lastName",
            Field::TipAmount => "tipAmount",
            Field::TipPercent => "tipPercent",
            Field::ReferralCode => "referralCode",
        }
    }

    /// The field a validation message is about. Servers in the NestJS style start each message
    /// with the field name (`"donorEmail must be an email"`); `property.field` forms are accepted.
    pub fn of_message(message: &str) -> Option<Field> {
        let head = message.trim_start().split([' ', ':', '.', ',']).next()?;
        Field::ALL.into_iter().find(|f| f.json_name().eq_ignore_ascii_case(head))
    }
}

/// One thing the server refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field the server named, when it named one of the request's.
    pub field: Option<Field>,
    /// The server's words: for developers and logs, and shown next to the field.
    pub message: String,
}
