//! Page furniture told by its markup, taken out before the main text is looked for: the
//! elements a page marks as navigation, asides, footers and captions (`<nav>`, `<aside>`,
//! `<footer>`, `<figcaption>`), and those whose class or id names a kind of furniture
//! ("related-stories", "newsletter-signup", "photo-caption", "cookie-banner").
//!
//! A class or id is read word by word ("article-caption" is "article" and "caption"): a
//! name that merely contains a furniture word ("navigational", "adventure") is not one. Words that pages also use for the article's own containers
//! ("widget", "share", "sidebar", "comment", "menu") are left out: on saved pages they wrap
//! the article about as often as they wrap furniture. An element is never taken out when it
//! holds the article (an `<article>`, `<main>` or `<h1>` inside it, or 40% or more of the
//! page's text).
//!
//! What is taken out here never reaches the article text, like what Readability leaves out,
//! so it is not among the removed lines; a saved comparison keeps the text as read, and
//! reopens the same.

use dom_query::{Document, NodeRef, Selection};

/// Elements that are furniture by their tag.
const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "figcaption", "button", "select"];

/// Words of a class or id that name furniture.
const FURNITURE_WORDS: &[&str] = &[
    "footer",
    "related",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "commentlist",
    "advert",
    "advertisement",
    "ad",
    "sponsor",
    "sponsored",
    "promo",
    "recommended",
    "caption",
    "credit",
    "credits",
    "copyright",
    "tags",
    "tagcloud",
    "pagination",
    "pager",
    "nav",
    "navigation",
    "banner",
    "overlay",
    "login",
    "signup",
    "rating",
];

/// Containers that hold the article, never furniture themselves.
const ARTICLE_TAGS: &[&str] = &["html", "body", "main", "article"];

/// The share of the page's text an element may hold and still be taken out as furniture.
const MOST_OF_THE_PAGE: f64 = 0.4;

/// Whether an element is furniture: by its tag, by being hidden, or by a furniture word in
/// its class or id.
fn furniture(node: &NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    if ARTICLE_TAGS.contains(&name.as_str()) {
        return false;
    }
    if FURNITURE_TAGS.contains(&name.as_str())
        || node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
    {
        return true;
    }
    ["class", "id"].iter().any(|attribute| {
        node.attr(attribute).is_some_and(|value| {
            value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| FURNITURE_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word)))
        })
    })
}

/// Takes the furniture out of the page's body. Returns how many elements were taken out.
pub fn strip(document: &Document) -> usize {
    let body = document.select("body");
    let page = body
        .text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        .max(1) as f64;
    let mut removed = 0;
    let mut stack: Vec<NodeRef> = body.nodes().to_vec();
    while let Some(node) = stack.pop() {
        for child in node.element_children() {
            if furniture(&child) {
                let text = child.text().chars().filter(|c| !c.is_whitespace()).count() as f64;
                let holds_article = !Selection::from(child)
                    .select("article, main, h1")
                    .is_empty();
                if text < page * MOST_OF_THE_PAGE && !holds_article {
                    child.remove_from_parent();
                    removed += 1;
                    continue;
                }
            }
            stack.push(child);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(html: &str) -> String {
        let document = Document::from(html);
        strip(&document);
        document
            .select("body")
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn furniture_by_tag_and_by_class_word_goes_and_the_article_stays() {
        let text = stripped(
            "<body><nav>Home News</nav><article><h1>Pier reopens</h1><p>The pier reopened \
             on Monday after a year of repairs to its timber deck and railings.</p>\
             <figure><img src=a.jpg><figcaption>The pier at dawn</figcaption></figure>\
             <div class=\"story-related-links\">More from Kell</div>\
             <div class=\"newsletter_signup\">Get our daily email</div></article>\
             <footer>About us</footer></body>",
        );
        assert!(text.contains("The pier reopened on Monday"), "{text}");
        for furniture in [
            "Home News",
            "The pier at dawn",
            "More from Kell",
            "daily email",
            "About us",
        ] {
            assert!(!text.contains(furniture), "{furniture}: {text}");
        }
    }

    #[test]
    fn a_furniture_word_inside_a_longer_name_or_a_container_of_the_article_is_kept() {
        // "navigational" and "adventure" are no furniture words; the footer holds the page's
        // only heading.
        let text = stripped(
            "<body><div class=\"navigational adventure\"><p>Ferry sails again after the \
             strike.</p></div><footer><h1>Kell Gazette</h1><p>Everything on the page lives \
             here and nowhere else at all.</p></footer></body>",
        );
        assert!(text.contains("Ferry sails again"), "{text}");
        assert!(text.contains("Everything on the page"), "{text}");
    }

    #[test]
    fn an_element_holding_most_of_the_page_is_not_furniture() {
        let text = stripped(
            "<body><div class=\"banner\"><p>The whole article sits in a box its page calls \
             a banner, and it is the only text there is.</p></div><p>Short.</p></body>",
        );
        assert!(text.contains("The whole article"), "{text}");
    }
}
