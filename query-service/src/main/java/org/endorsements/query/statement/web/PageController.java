package org.endorsements.query.statement.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard is one page; a statement's address serves it too, and the page reads the id from the path. */
@Controller
class PageController {

    @GetMapping({"/statements/{statementId}", "/statements/{statementId}/"})
    String statementPage() {
        return "forward:/index.html";
    }

    /** The embeddable counter: the only page other sites may frame (see the security configuration). */
    @GetMapping({"/embed/statements/{statementId}", "/embed/statements/{statementId}/"})
    String embeddedCounter() {
        return "forward:/embed.html";
    }
}
