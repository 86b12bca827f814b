package io.supportsuite.notifications.service;

import io.supportsuite.runtime.problem.ProblemException;

/** How a refused link answers (N5, N6): a forged one is a bad request, an expired one is gone. */
final class LinkProblems {

    private LinkProblems() {
    }

    static ProblemException of(SignedLinks.InvalidLink e) {
        return "expired".equals(e.reason())
                ? new ProblemException(410, "link-expired", "Link expired", "This link has expired; nothing was changed.")
                : new ProblemException(400, "link-invalid", "Invalid link", "This link is not valid; nothing was changed.");
    }
}
