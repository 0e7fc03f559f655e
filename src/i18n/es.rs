//! Spanish: neutral Latin American Spanish, addressing the donor as «tú».

use super::Strings;
use crate::text::{cat, digits};

/// All Spanish text.
pub static STRINGS: Strings = Strings {
    donate: "Donar",
    donate_to: |name| cat(&["Donar a ", name]),
    dialog_title: |name| cat(&["Donar a ", name]),
    close: "Cerrar",
    loading: "Cargando…",

    amount_legend: "Monto",
    custom_amount: "Otro monto",
    custom_amount_hint: "Entre 1\u{a0}US$ y 100.000\u{a0}US$",

    frequency_legend: "Frecuencia",
    once: "Una vez",
    monthly: "Mensual",
    per_month: "/mes",
    // Agrees with «donación» (feminine) in `summary_line`.
    once_word: "única",
    monthly_word: "mensual",

    tip_legend: "Apoya a SIR Giving",
    tip_explainer: "Una propina opcional mantiene la plataforma gratuita para las organizaciones sin fines de lucro.",
    tip_none: "Sin propina",
    tip_custom: "Otro\u{a0}%",
    tip_amount: |money| cat(&["Propina: ", money]),

    first_name: "Nombre",
    last_name: "Apellido",
    email: "Correo electrónico",
    email_hint: "Para tu recibo",

    summary_title: "Resumen",
    summary_line: |amount, frequency, nonprofit| cat(&["Una donación ", frequency, " de ", amount, " a ", nonprofit]),
    summary_total: |money| cat(&["Total: ", money]),
    continue_to_checkout: "Continuar al pago seguro",
    submitting: "Creando tu pago seguro…",
    preparing_checkout: "Preparando el pago…",

    err_amount_empty: "Ingresa un monto.",
    err_amount_nan: "Ingresa el monto en números, por ejemplo 25 o 25,50.",
    err_amount_negative: "El monto no puede ser negativo.",
    err_amount_zero: "Ingresa un monto mayor que cero.",
    err_amount_decimals: "Usa como máximo dos decimales.",
    err_amount_comma: "Usa una coma para los céntimos, por ejemplo 12,50.",
    err_amount_min: |min| cat(&["La donación mínima es de ", min, "."]),
    err_amount_max: |max| cat(&["La donación máxima es de ", max, "."]),
    err_first_name: "Ingresa tu nombre.",
    err_last_name: "Ingresa tu apellido.",
    err_email: "Ingresa un correo electrónico válido, por ejemplo nombre@ejemplo.com.",
    err_too_long: |label, max| cat(&[label, ": es demasiado largo, usa como máximo ", &digits(max), " caracteres."]),
    err_control_characters: |label| cat(&[label, ": no puede contener tabulaciones ni saltos de línea."]),
    err_refused: |label| cat(&[label, ": el servicio de donaciones no lo aceptó. Revísalo."]),
    err_tip: "Elige una propina entre 0\u{a0}% y 100\u{a0}%.",

    err_unavailable: "Las donaciones no están disponibles en esta página en este momento.",
    err_not_found: "No pudimos encontrar esta organización o esta donación.",
    err_validation: "Revisa los campos marcados.",
    err_rate_limited: |seconds| cat(&["Demasiadas solicitudes. Vuelve a intentarlo en ", &digits(seconds), "\u{a0}s."]),
    err_rate_limited_soon: "Demasiadas solicitudes. Vuelve a intentarlo en un momento.",
    err_server: "Algo salió mal por nuestra parte. Vuelve a intentarlo.",
    err_network: "No pudimos conectar con el servicio de donaciones. Revisa tu conexión y vuelve a intentarlo.",
    err_timeout: "El servicio de donaciones está tardando demasiado en responder. Vuelve a intentarlo.",
    err_link_refused: "No pudimos abrir una página de pago segura, así que nos detuvimos. No se realizó ningún cobro.",
    retry: "Volver a intentar",

    donations_off: "Las donaciones no están disponibles en este momento.",
    key_problem_title: "sir-donate: problema de configuración",

    status_checking: "Verificando tu donación…",
    status_processing: "Tu donación se está procesando.",
    thank_you_title: "¡Gracias!",
    thank_you_body: |amount, nonprofit| {
        cat(&["Tu donación de ", amount, " a ", nonprofit, " se realizó con éxito. Gracias por tu generosidad."])
    },
    tokens_awarded: |n, _| {
        let unit = if n.trim() == "1" { "token" } else { "tokens" };
        cat(&["Ganaste ", n, " ", unit, " SIR."])
    },
    unsuccessful_title: "Tu donación no se completó",
    unsuccessful_body: "No se realizó ningún cobro. Puedes volver a intentarlo cuando quieras.",
    cancelled_body: "Se canceló el pago, así que no se realizó ningún cobro.",
    expired_body: "La sesión de pago expiró antes de completarse, así que no se realizó ningún cobro.",
    try_again: "Intentar de nuevo",
    done: "Listo",
    popup_blocked: "Tu navegador bloqueó la ventana de pago, así que la abriremos aquí.",
    checkout_open_elsewhere: "Completa tu donación en la ventana de pago. Esta página se actualizará cuando termines.",
};
