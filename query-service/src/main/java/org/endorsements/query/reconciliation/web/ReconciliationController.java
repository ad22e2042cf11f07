package org.endorsements.query.reconciliation.web;

import org.endorsements.query.reconciliation.Reconciler;
import org.endorsements.query.reconciliation.Reconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReconciliationController {

    private final Reconciler reconciler;

    ReconciliationController(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    /** Recounts now and reports every difference between the views and the audit trail (auditors, admin: the security configuration's rule). */
    @GetMapping("/api/admin/reconciliation")
    Reconciliation.Report reconcile() {
        return reconciler.run();
    }
}
