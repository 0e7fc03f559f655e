//! French, addressing the donor as « vous ».
//!
//! Typography: a non-breaking space (U+00A0) before `:` and between a number and its unit, a
//! narrow non-breaking space (U+202F) before `!`, `?`, `;` and `%`, as `Intl` writes French
//! numbers; so no mark or unit is ever wrapped onto a line of its own.

use super::Strings;
use crate::text::{cat, digits};

/// All French text.
pub static STRINGS: Strings = Strings {
    donate: "Faire un don",
    donate_to: |name| cat(&["Faire un don à ", name]),
    dialog_title: |name| cat(&["Faire un don à ", name]),
    close: "Fermer",
    loading: "Chargement…",

    amount_legend: "Montant",
    custom_amount: "Autre montant",
    custom_amount_hint: "Entre 1\u{a0}$US et 100\u{202f}000\u{a0}$US",

    frequency_legend: "Fréquence",
    once: "Une fois",
    monthly: "Mensuel",
    per_month: "/mois",
    // Agree with « don » (masculine) in `summary_line`.
    once_word: "ponctuel",
    monthly_word: "mensuel",

    tip_legend: "Soutenir SIR Giving",
    tip_explainer: "Une contribution facultative permet de garder la plateforme gratuite pour les associations.",
    tip_none: "Aucune contribution",
    tip_custom: "Autre\u{202f}%",
    tip_amount: |money| cat(&["Contribution\u{a0}: ", money]),

    first_name: "Prénom",
    last_name: "Nom",
    email: "Adresse e-mail",
    email_hint: "Pour votre reçu",

    summary_title: "Récapitulatif",
    summary_line: |amount, frequency, nonprofit| cat(&["Un don ", frequency, " de ", amount, " à ", nonprofit]),
    summary_total: |money| cat(&["Total\u{a0}: ", money]),
    continue_to_checkout: "Continuer vers le paiement sécurisé",
    submitting: "Création de votre paiement sécurisé…",
    preparing_checkout: "Préparation du paiement…",

    err_amount_empty: "Indiquez un montant.",
    err_amount_nan: "Indiquez un montant en chiffres, par exemple 25 ou 25,50.",
    err_amount_negative: "Le montant ne peut pas être négatif.",
    err_amount_zero: "Indiquez un montant supérieur à zéro.",
    err_amount_decimals: "Indiquez au plus deux chiffres après la virgule.",
    err_amount_comma: "Utilisez une virgule pour les centimes, par exemple 12,50.",
    err_amount_min: |min| cat(&["Le don minimum est de ", min, "."]),
    err_amount_max: |max| cat(&["Le don maximum est de ", max, "."]),
    err_first_name: "Indiquez votre prénom.",
    err_last_name: "Indiquez votre nom.",
    err_email: "Indiquez une adresse e-mail valide, par exemple nom@exemple.fr.",
    err_too_long: |label, max| cat(&[label, "\u{a0}: trop long, ", &digits(max), "\u{a0}caractères au maximum."]),
    err_control_characters: |label| {
        cat(&[label, "\u{a0}: les tabulations et les retours à la ligne ne sont pas acceptés."])
    },
    err_refused: |label| cat(&[label, "\u{a0}: le service de dons ne l’a pas accepté. Vérifiez-le."]),
    err_tip: "Choisissez une contribution entre 0\u{202f}% et 100\u{202f}%.",

    err_unavailable: "Les dons ne sont pas disponibles sur cette page pour le moment.",
    err_not_found: "Nous n’avons pas trouvé cette association ou ce don.",
    err_validation: "Veuillez vérifier les champs signalés.",
    err_rate_limited: |seconds| cat(&["Trop de demandes. Réessayez dans ", &digits(seconds), "\u{a0}s."]),
    err_rate_limited_soon: "Trop de demandes. Réessayez dans un instant.",
    err_server: "Un problème est survenu de notre côté. Veuillez réessayer.",
    err_network: "Impossible de joindre le service de dons. Vérifiez votre connexion et réessayez.",
    err_timeout: "Le service de dons met trop de temps à répondre. Veuillez réessayer.",
    err_link_refused: "Nous n’avons pas pu ouvrir une page de paiement sûre, nous avons donc tout arrêté. Aucun paiement n’a été effectué.",
    retry: "Réessayer",

    donations_off: "Les dons sont actuellement indisponibles.",
    key_problem_title: "sir-donate\u{a0}: problème de configuration",

    status_checking: "Vérification de votre don…",
    status_processing: "Votre don est en cours de traitement.",
    thank_you_title: "Merci\u{202f}!",
    thank_you_body: |amount, nonprofit| {
        cat(&["Votre don de ", amount, " à ", nonprofit, " a bien été effectué. Merci pour votre générosité."])
    },
    tokens_awarded: |n, value| {
        // French uses the singular below 2 (« 0 jeton », « 1,5 jeton »), judged on the number
        // as shown (two decimals at most).
        let unit = if ((value * 100.0).round() / 100.0).abs() < 2.0 { "jeton" } else { "jetons" };
        cat(&["Vous avez gagné ", n, "\u{a0}", unit, " SIR."])
    },
    unsuccessful_title: "Votre don n’a pas abouti",
    unsuccessful_body: "Aucun paiement n’a été effectué. Vous pouvez réessayer quand vous le souhaitez.",
    cancelled_body: "Le paiement a été annulé, aucun montant n’a donc été prélevé.",
    expired_body: "La session de paiement a expiré avant d’être finalisée, aucun montant n’a donc été prélevé.",
    try_again: "Réessayer",
    done: "Terminé",
    popup_blocked: "Votre navigateur a bloqué la fenêtre de paiement, nous l’ouvrons donc ici.",
    checkout_open_elsewhere: "Finalisez votre don dans la fenêtre de paiement. Cette page se mettra à jour une fois que vous aurez terminé.",
};
