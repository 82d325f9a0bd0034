//! The code a team types to sit at a table of a hosted class: 64 secret random bits and an 11-bit check, written as
//! 15 characters of Crockford's base32 (`XXXXX-XXXXX-XXXXX`; case, dashes and spaces ignored; O read as 0, I and L
//! as 1; no U).
//!
//! Unlike a class table code (`class::TableCode`), which carries the game (seed, seats, injects) so anyone can
//! derive one table's code from another's, a join code carries nothing but its secret: knowing one table's code,
//! or the class file, tells nothing about another's. The host draws the bits from a generator the operating
//! system seeds (the pure core only checks and formats them).

use std::fmt;

/// Characters in a join code, without its dashes.
pub const JOIN_CODE_SYMBOLS: usize = 15;

/// Secret bits in a join code.
pub const JOIN_CODE_SECRET_BITS: u32 = 64;

const CHECK_BITS: u32 = 11;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A table's join code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct JoinCode(u64);

/// Why a typed join code is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinCodeError {
    /// Not 15 characters of the alphabet.
    #[error("\"{0}\" is not a join code: a join code is 15 letters and digits, like 7K3QM-2XD0A-BCDEF")]
    Malformed(String),
    /// The check does not match: a character was mistyped.
    #[error("\"{0}\" has a typing mistake (its check does not match); please type it again")]
    Mistyped(String),
}

fn check(secret: u64) -> u64 {
    let digest = blake3::hash(&secret.to_be_bytes());
    u64::from(u16::from_be_bytes([digest.as_bytes()[0], digest.as_bytes()[1]])) & ((1 << CHECK_BITS) - 1)
}

fn symbol_value(c: char) -> Option<u64> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET.iter().position(|&a| a as char == c).map(|v| v as u64)
}

impl JoinCode {
    /// The code of these 64 secret bits (the host draws them from the system's random generator).
    pub fn from_secret(secret: u64) -> JoinCode {
        JoinCode(secret)
    }

    /// The code as teams type it: `XXXXX-XXXXX-XXXXX`.
    pub fn encode(&self) -> String {
        let value: u128 = (u128::from(self.0) << CHECK_BITS) | u128::from(check(self.0));
        let mut text = String::with_capacity(JOIN_CODE_SYMBOLS + 2);
        for k in (0..JOIN_CODE_SYMBOLS).rev() {
            let symbol = ((value >> (5 * k)) & 31) as usize;
            text.push(ALPHABET[symbol] as char);
            if k % 5 == 0 && k > 0 {
                text.push('-');
            }
        }
        text
    }

    /// Reads a typed code: case, dashes and spaces do not matter, O reads as 0, I and L as 1.
    pub fn parse(typed: &str) -> Result<JoinCode, JoinCodeError> {
        let malformed = || JoinCodeError::Malformed(typed.trim().to_string());
        let symbols: Vec<char> = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if symbols.len() != JOIN_CODE_SYMBOLS {
            return Err(malformed());
        }
        let mut value: u128 = 0;
        for c in symbols {
            value = (value << 5) | u128::from(symbol_value(c).ok_or_else(malformed)?);
        }
        let secret = (value >> CHECK_BITS) as u64;
        if (value & ((1 << CHECK_BITS) - 1)) as u64 != check(secret) {
            return Err(JoinCodeError::Mistyped(typed.trim().to_string()));
        }
        Ok(JoinCode(secret))
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

/// A code as typed, without dashes, spaces or case, and with O read as 0 and I and L as 1 (Crockford's base32,
/// which both class codes and join codes are written in): the one reading the host's seat lookup and a laptop's
/// connect token request both use.
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_code_round_trips_however_it_is_typed() {
        for secret in [0, 1, u64::MAX, 0x0123_4567_89ab_cdef, 0x0f0f_0000_1111_0101] {
            let code = JoinCode::from_secret(secret);
            let text = code.encode();
            assert_eq!(text.len(), 17, "{text}");
            assert_eq!(JoinCode::parse(&text), Ok(code));
            assert_eq!(JoinCode::parse(&text.to_lowercase().replace('-', " ")), Ok(code));
            assert_eq!(
                JoinCode::parse(&text.replace('0', "O").replace('1', "I")),
                Ok(code),
                "{text}"
            );
            assert_eq!(JoinCode::parse(&text.replace('1', "l")), Ok(code), "{text}");
        }
    }

    #[test]
    fn a_mistyped_join_code_is_caught_and_a_table_code_is_not_a_join_code() {
        let text = JoinCode::from_secret(0x0123_4567_89ab_cdef).encode();
        let mut caught = 0;
        let mut tried = 0;
        for position in [0, 1, 4, 6, 9, 12, 16] {
            for replacement in ['2', '7', 'K', 'Z'] {
                let mut chars: Vec<char> = text.chars().collect();
                if chars[position] == replacement || chars[position] == '-' {
                    continue;
                }
                chars[position] = replacement;
                tried += 1;
                if JoinCode::parse(&chars.into_iter().collect::<String>()).is_err() {
                    caught += 1;
                }
            }
        }
        assert!(tried >= 20, "only {tried} mistypes tried");
        assert!(caught + 1 >= tried, "caught {caught} of {tried}");
        assert!(matches!(
            JoinCode::parse("7K3Q-M2XD-0ABCD"),
            Err(JoinCodeError::Malformed(_))
        ));
        assert!(matches!(JoinCode::parse("hello"), Err(JoinCodeError::Malformed(_))));
        assert!(matches!(
            JoinCode::parse("UUUUU-UUUUU-UUUUU"),
            Err(JoinCodeError::Malformed(_))
        ));
    }
}
