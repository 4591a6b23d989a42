// GENERATED FILE: do not edit. The API's contract, generated from its OpenAPI document
// (apps/api, /api/docs-json) by openapi-typescript. After changing a DTO or a controller,
// regenerate with `npm run contract`; the API tests fail while this file is out of date.
// Import the names from ./types, not from here.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the server and its database answer */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account and sign in
         * @description Answers the session token and also sets it as an httpOnly cookie. Throttled per network address and per e-mail address; for a taken address the owner is told by mail.
         */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Answers the session token and also sets it as an httpOnly cookie; with a second factor on, answers a challenge instead (then POST /api/auth/login/second-factor). An unknown address and a wrong password get the same 401. Wrong guesses slow further guesses from the same network address at the same account (free for 3, then 1 s, 2 s, 4 s ... up to 15 min), and from one address across accounts (100 an hour); never the owner elsewhere.
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish signing in with a code from the authenticator app, or a recovery code
         * @description A recovery code works once. Wrong codes are throttled like wrong passwords.
         */
        post: operations["AuthController_secondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this session, its sockets, and clear its cookie */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and their preferences */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set one's own preferences (the shield)
         * @description Kept on the server, so they follow the parent to any device.
         */
        put: operations["AuthController_setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link by mail
         * @description The same answer whether or not the address has an account. The link (<PUBLIC_URL>/reset/<token>) works once, within an hour; a newer one replaces it.
         */
        post: operations["AuthController_requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset link
         * @description Ends every session of the account and tells its owner by mail.
         */
        post: operations["AuthController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password
         * @description Needs the current password. The other sessions end; the owner is told by mail.
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the e-mail address
         * @description Needs the password. Mails a link (<PUBLIC_URL>/confirm-email/<token>, 24 hours) to the new address and a notice to the current one; the address changes when the link is opened.
         */
        post: operations["AuthController_requestEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a new e-mail address with the mailed link */
        post: operations["AuthController_confirmEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One's own live sessions
         * @description Most recently used first; `current` marks the one asking.
         */
        get: operations["AuthController_listSessions"];
        put?: never;
        post?: never;
        /** Sign out everywhere: end every session, this one included */
        delete: operations["AuthController_endAllSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of one’s own sessions (sign out there) */
        delete: operations["AuthController_endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start enrolling an authenticator app (TOTP)
         * @description Pending until POST /api/auth/totp/confirm with a code from the app.
         */
        post: operations["AuthController_enrolTotp"];
        /**
         * Turn off two-step sign-in
         * @description Needs the password; the recovery codes stop working.
         */
        delete: operations["AuthController_disableTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn on two-step sign-in with a code from the enrolled app
         * @description Answers ten recovery codes, shown only now; each works once.
         */
        post: operations["AuthController_confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of the case's record, in chain order
         * @description Every entry in its place; entries the caller may not read yet are sealed (place and hashes only), so the chain still verifies.
         */
        get: operations["LedgerController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the case's hash chain, as far as the caller may see it
         * @description A broken chain answers 200 with valid false and the first bad entry.
         */
        get: operations["LedgerController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases the caller is a parent of */
        get: operations["CasesController_list"];
        put?: never;
        /** Open a case, with the caller as its first parent */
        post: operations["CasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite the other parent by e-mail
         * @description The link is in the mail only; a new invitation replaces a pending one.
         */
        post: operations["CasesController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link is for, before signing in */
        get: operations["InvitationsController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join the case as its second parent
         * @description The signed-in account must use the address the invitation was sent to.
         */
        post: operations["InvitationsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Both parents' inbox terms, the shared terms, and the proposal waiting for an answer
         * @description Each inbox: the terms in force and a change waiting for its effective time, if any.
         */
        get: operations["TermsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inbox-terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the terms of one's own inbox: delivery windows and daily cap
         * @description No consent needed. Announced to the other parent at once (socket event terms.changed), recorded, in force 24 hours later (effectiveAt). A newer change replaces one still pending. Floors: at least 2 delivery windows a week, at least 2 messages a day.
         */
        put: operations["TermsController_setInboxTerms"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every proposal to change the terms, newest first */
        get: operations["TermsController_list"];
        put?: never;
        /**
         * Propose a change of the terms
         * @description Applies only once the other parent accepts it; one proposal waits at a time.
         */
        post: operations["TermsController_propose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/proposals/{proposalId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the other parent's proposal: its changes take effect now */
        post: operations["TermsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/proposals/{proposalId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the other parent's proposal: the terms stay as they are */
        post: operations["TermsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/proposals/{proposalId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw one's own proposal before it is answered */
        post: operations["TermsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's messages, newest first
         * @description A message held for its window does not exist for its recipient until the window opens.
         */
        get: operations["MessagesController_list"];
        put?: never;
        /**
         * Send a message to the other parent
         * @description Delivered now or at the next delivery window of the case's cadence. A send over the daily quota or the urgent limit is held back: refused, and kept in the record.
         */
        post: operations["MessagesController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/messages/allowance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the caller may still send now, for the composer
         * @description By the same rules as a send: the other parent's daily cap and delivery windows, and the shared urgent allowance.
         */
        get: operations["MessagesController_allowance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One message
         * @description Reading it here records nothing; see POST .../read.
         */
        get: operations["MessagesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/messages/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the recipient's first read of a message
         * @description Only the first read is recorded; reading again changes nothing.
         */
        post: operations["MessagesController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's messages grouped by topic, with unread counts */
        get: operations["MessagesController_threads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/held-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sends held back by the terms, newest first, with their texts
         * @description The caller's own attempts over the daily cap or the urgent allowance, kept for the record. With of=other, the other parent's attempts held back from the caller's inbox: shown only when asked for.
         */
        get: operations["MessagesController_heldBack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/held-back/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many sends were held back, the caller’s and the other parent’s: counts only, never texts
         * @description Today is the calendar day in the case's time zone.
         */
        get: operations["MessagesController_heldBackSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who has the children each day of a range, the exchanges, and the exact custody intervals
         * @description Dates in the case's zone, at most 400 days. Days name who has each night; overrides and accepted swaps included.
         */
        get: operations["ScheduleController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/time-share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each parent's overnights, hours and percent over a range, as lived and as planned
         * @description At most about ten years (3700 days).
         */
        get: operations["ScheduleController_timeShare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every parenting plan proposed in the case, newest first */
        get: operations["ScheduleController_listPlans"];
        put?: never;
        /**
         * Propose a parenting plan
         * @description Applies from its start date (in the future) once the other parent accepts; one plan waits at a time.
         */
        post: operations["ScheduleController_propose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/plans/{planId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the other parent's plan: it applies from its start date on */
        post: operations["ScheduleController_acceptPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/plans/{planId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the other parent's plan */
        post: operations["ScheduleController_declinePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/plans/{planId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw one's own plan before it is answered */
        post: operations["ScheduleController_withdrawPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/plans/{planId}/court-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply one’s own plan, unanswered for 14 days, as ordered by a court
         * @description Names the order (reference and date). The record says the other parent never answered; they can still dispute it.
         */
        post: operations["ScheduleController_courtOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/plans/{planId}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispute a plan the other parent applied as court-ordered
         * @description Recorded beside it; the plan stays in force.
         */
        post: operations["ScheduleController_dispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every override proposed in the case, newest first */
        get: operations["ScheduleController_listOverrides"];
        put?: never;
        /**
         * Propose an override: a holiday, vacation or court-ordered block over the plan
         * @description In force once the other parent accepts. Starts in the future; may not overlap another override; alternateYears repeats it yearly, the parents alternating.
         */
        post: operations["ScheduleController_createOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/overrides/{overrideId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the other parent's override */
        post: operations["ScheduleController_acceptOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/overrides/{overrideId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the other parent's override */
        post: operations["ScheduleController_declineOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/schedule/overrides/{overrideId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw one's own override before it is answered */
        post: operations["ScheduleController_withdrawOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/swaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every swap request in the case, newest first */
        get: operations["SwapsController_list"];
        put?: never;
        /**
         * Ask to give days to the other parent, or to trade them for some of theirs
         * @description Days after today only. The request expires at the start of its first day if unanswered.
         */
        post: operations["SwapsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/swaps/{swapId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the other parent's swap request: the calendar changes */
        post: operations["SwapsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/swaps/{swapId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the other parent's swap request, with an optional reason */
        post: operations["SwapsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/swaps/{swapId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw one's own swap request before it is answered */
        post: operations["SwapsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/exchanges/{exchangeId}/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record how an exchange went: on time, late by N minutes, or missed, with a short note
         * @description exchangeId as the schedule gives it (e.g. 20261211T1800Z). Once per parent and exchange, from an hour before it until a week after.
         */
        post: operations["SwapsController_checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's secret calendar feed link for this case (made on first request)
         * @description Subscribe to it in Google, Apple or Outlook calendars. Keep it private.
         */
        get: operations["CalendarFeedController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/calendar-feed/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new feed link; the old one stops working at once */
        post: operations["CalendarFeedController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{secret}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A parent’s calendar feed (RFC 5545): custody stretches and exchanges with place and handover
         * @description Public: the secret in the path is the credential.
         */
        get: operations["PublicCalendarController_ics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's expenses, newest logged first, with their states and receipts */
        get: operations["ExpensesController_list"];
        put?: never;
        /**
         * Log an expense the caller paid, for the other parent to approve
         * @description Split by the case's split (changed only by an accepted proposal) unless `shares` gives one for this expense. Add receipts with POST .../expenses/:id/receipts.
         */
        post: operations["ExpensesController_log"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Expenses and payments as CSV (RFC 4180), for a range of days
         * @description A header row, then one row per expense (by day incurred) and per payment (by day paid), in date order; amounts in major units with their currency.
         */
        get: operations["ExpensesController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who owes whom, per currency
         * @description From approved expenses and confirmed payments; split parts always add up exactly.
         */
        get: operations["ExpensesController_balance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses/{expenseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One expense */
        get: operations["ExpensesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses/{expenseId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the other parent's expense: it counts in the balance */
        post: operations["ExpensesController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses/{expenseId}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispute the other parent's expense, with a reason
         * @description The logger may then withdraw it or resubmit a correction.
         */
        post: operations["ExpensesController_dispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses/{expenseId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw one's own expense, pending or disputed */
        post: operations["ExpensesController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses/{expenseId}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a dispute of one's own expense with a correction
         * @description The corrected expense is a new expense (201) that references the disputed one, which becomes resubmitted; nothing is edited.
         */
        post: operations["ExpensesController_resubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses/{expenseId}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a receipt to one's own pending expense
         * @description Multipart, one file in the field `file`: PDF, JPEG, PNG or HEIC, recognised by its content, at most 10 MB. Location and device metadata are removed from images before the file is stored; its SHA-256 is recorded.
         */
        post: operations["ExpensesController_addReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/expenses/{expenseId}/receipts/{receiptId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored receipt file, as stored
         * @description Only the two parents of the case can download it.
         */
        get: operations["ExpensesController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's payments, newest recorded first */
        get: operations["PaymentsController_list"];
        put?: never;
        /**
         * Record a payment the caller made to the other parent
         * @description A part of what is owed is fine. It counts in the balance once the other parent confirms it (POST .../payments/:id/confirm).
         */
        post: operations["PaymentsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/payments/{paymentId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm receiving a payment the other parent recorded */
        post: operations["PaymentsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/payments/{paymentId}/proofs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a proof of payment to one's own payment
         * @description As for receipts: PDF, JPEG, PNG or HEIC by content, at most 10 MB, image metadata removed.
         */
        post: operations["PaymentsController_addProof"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/payments/{paymentId}/proofs/{proofId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored proof of payment, as stored
         * @description Only the two parents of the case can download it.
         */
        get: operations["PaymentsController_proof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case’s exports, newest first, to download again
         * @description Every export of the case, by either parent or by a professional with access, with who made it, its range and sections, the entry it covers up to, and where to download its PDF and bundle (the same files as when it was made). 50 a page unless `limit` says otherwise (at most 100); `nextCursor` gives the older ones. Only the two parents of the case.
         */
        get: operations["ExportsController_list"];
        put?: never;
        /**
         * Make an export of the record for court
         * @description Recorded in the ledger (export.made). Its PDF prints the chosen range and sections; its bundle carries the whole ledger up to this entry, the PDF, a manifest of their SHA-256 and the Ed25519 signature of the manifest. Only the two parents of the case.
         */
        post: operations["ExportsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/exports/{exportId}/record.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The export’s PDF, streamed
         * @description Cover, summary with a chart, then the chosen sections; every page’s footer carries the case id, the head hash and page x of y.
         */
        get: operations["ExportsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/exports/{exportId}/bundle.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The export’s signed bundle (zip), streamed
         * @description ledger.jsonl, record.pdf, manifest.json and manifest.sig; check it with `npm run -s verify -- bundle.zip` or by docs/record-format.md.
         */
        get: operations["ExportsController_bundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/professional-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every professional access of the case, newest first (both parents see them all) */
        get: operations["ProfessionalAccessController_list"];
        put?: never;
        /**
         * Give a professional an expiring link to read and export the record, and nothing else
         * @description Recorded (professional_access.granted). The link is mailed to the professional and answered here once; only its hash is kept. The other parent is mailed and sees the entry. At most 90 days.
         */
        post: operations["ProfessionalAccessController_grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/professional-access/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End a professional access before its time: the link and every view open with it stop at once
         * @description Recorded (professional_access.revoked). Only the parent who gave it.
         */
        delete: operations["ProfessionalAccessController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/professional/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the record with a professional’s link: the secret is exchanged for a visit (an httpOnly cookie)
         * @description Public: the secret is the credential. Recorded once per visit (professional_access.viewed). The visit reads this one case until it ends (12 hours, or the access’s end); an ended or expired access is refused with 410.
         */
        post: operations["ProfessionalLinkController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/professional/visit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open visit: who the professional is, who gave the access, the case and its head, until when */
        get: operations["ProfessionalRecordController_view"];
        put?: never;
        post?: never;
        /** Close this visit in this browser (the link opens a new one until the access ends) */
        delete: operations["ProfessionalRecordController_close"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/professional/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of the case’s record, as the parent who gave the access sees it
         * @description The same entries sealed as for that parent; held-back attempts aimed at them open only when asked for.
         */
        get: operations["ProfessionalRecordController_ledger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/professional/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server’s check of the record: the chain to the case’s head, and the tables against the chain */
        get: operations["ProfessionalRecordController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/professional/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The exports made with this access, newest first, to download again
         * @description Only this access’s own exports: a parent’s, or another professional’s, were not shared with it. 50 a page unless `limit` says otherwise (at most 100); `nextCursor` gives the older ones.
         */
        get: operations["ProfessionalRecordController_listExports"];
        put?: never;
        /**
         * Make an export of the record for court, as the parents do
         * @description Recorded (export.made, naming the professional). The same PDF and signed bundle as a parent’s export.
         */
        post: operations["ProfessionalRecordController_createExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/professional/exports/{exportId}/record.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The PDF of an export made with this access, streamed */
        get: operations["ProfessionalRecordController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/professional/exports/{exportId}/bundle.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed bundle (zip) of an export made with this access, streamed */
        get: operations["ProfessionalRecordController_bundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        HealthStatus: "ok";
        /**
         * @description Embedded PGlite, or an external PostgreSQL.
         * @enum {string}
         */
        DatabaseKind: "embedded" | "postgres";
        HealthDto: {
            status: components["schemas"]["HealthStatus"];
            /** @description Embedded PGlite, or an external PostgreSQL. */
            database: components["schemas"]["DatabaseKind"];
        };
        RegisterDto: {
            /** @example alex@example.org */
            email: string;
            /** @description At least 12 characters; a phrase of several words is best. */
            password: string;
            /** @example Alex */
            displayName: string;
        };
        UserDto: {
            /** Format: uuid */
            id: string;
            /** @example alex@example.org */
            email: string;
            /** @example Alex */
            displayName: string;
        };
        SignedInDto: {
            user: components["schemas"]["UserDto"];
            /** @description The session token, for `Authorization: Bearer`. The web client ignores it and uses the httpOnly cookie set with the same answer. */
            token: string;
            /**
             * Format: date-time
             * @description When the session ends unless signed out before.
             */
            expiresAt: string;
        };
        FieldProblemDto: {
            /** @example email */
            field: string;
            /**
             * @description The rule that failed, stable for programs to read.
             * @example isEmail
             */
            rule: string;
            /** @example email must be an e-mail address */
            message: string;
        };
        ErrorDto: {
            /** @example 400 */
            statusCode: number;
            /**
             * @description The HTTP reason phrase of `statusCode`.
             * @example Bad Request
             */
            error: string;
            /**
             * @description A sentence for people: what happened and what to do.
             * @example email must be an e-mail address
             */
            message: string;
            /** @description Each broken rule, by field; absent when the refusal is not about fields. */
            details?: components["schemas"]["FieldProblemDto"][];
            /**
             * Format: date-time
             * @description When the same request will be accepted again (throttled answers only).
             */
            retryAt?: string;
        };
        SecondFactorRequiredDto: {
            /**
             * @description The password was right; a code from the authenticator app (or a recovery code) is needed next.
             * @enum {boolean}
             */
            secondFactorRequired: true;
            /** @description Send it with the code to POST /api/auth/login/second-factor within 5 minutes. */
            challenge: string;
        };
        LoginDto: {
            /** @example alex@example.org */
            email: string;
            password: string;
        };
        SecondFactorDto: {
            /** @description The `challenge` from the sign-in answer. */
            challenge: string;
            /**
             * @description The code from the authenticator app; or give `recoveryCode`.
             * @example 123456
             */
            code?: string;
            /**
             * @description One of the recovery codes, each usable once.
             * @example k7q2-m9x4-p3d8
             */
            recoveryCode?: string;
        };
        PreferencesDto: {
            /** @description Whether received messages are shown through the shield (hostile parts folded away, facts first). On by default. */
            shield: boolean;
        };
        MeDto: {
            user: components["schemas"]["UserDto"];
            preferences: components["schemas"]["PreferencesDto"];
            /** @description Whether sign-in asks for a code from an authenticator app. */
            totpEnabled: boolean;
        };
        PasswordResetRequestDto: {
            /** @example alex@example.org */
            email: string;
        };
        AuthMessageDto: {
            /** @description What happened, in plain words, to show as it is. */
            message: string;
        };
        PasswordResetDto: {
            /** @description At least 12 characters; a phrase of several words is best. */
            password: string;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description At least 12 characters; a phrase of several words is best. */
            newPassword: string;
        };
        ChangeEmailDto: {
            /** @example alex.new@example.org */
            newEmail: string;
            /** @description The current password: an open session alone cannot move the account. */
            password: string;
        };
        EmailChangedDto: {
            user: components["schemas"]["UserDto"];
        };
        SessionDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the session was last used, to within about five minutes.
             */
            lastSeenAt: string;
            /**
             * @description The browser and system, from its User-Agent.
             * @example Chrome on Android
             */
            device: string;
            /** @description Whether this is the session making the request. */
            current: boolean;
        };
        SessionListDto: {
            items: components["schemas"]["SessionDto"][];
        };
        TotpEnrolmentDto: {
            /** @description The secret in base32, for typing into an authenticator app. */
            secret: string;
            /**
             * @description The same secret as a link, for a QR code.
             * @example otpauth://totp/Parallel:alex%40example.org?secret=...&issuer=Parallel
             */
            otpauthUrl: string;
        };
        TotpConfirmDto: {
            /**
             * @description The 6-digit code the authenticator app shows now.
             * @example 123456
             */
            code: string;
        };
        RecoveryCodesDto: {
            /** @description Ten codes, each usable once instead of a code from the app. Shown only now. */
            recoveryCodes: string[];
        };
        TotpDisableDto: {
            password: string;
        };
        /** @enum {string} */
        LedgerEntryType: "case.created" | "invitation.created" | "case.joined" | "message.sent" | "message.held_back" | "message.released" | "message.read" | "message.reads_recorded" | "terms.proposed" | "terms.accepted" | "terms.declined" | "terms.withdrawn" | "inbox_terms.changed" | "schedule.plan_proposed" | "schedule.plan_accepted" | "schedule.plan_declined" | "schedule.plan_withdrawn" | "schedule.plan_court_ordered" | "schedule.plan_disputed" | "schedule.override_proposed" | "schedule.override_accepted" | "schedule.override_declined" | "schedule.override_withdrawn" | "schedule.swap_requested" | "schedule.swap_accepted" | "schedule.swap_declined" | "schedule.swap_withdrawn" | "schedule.check_in" | "expense.logged" | "expense.receipt_added" | "expense.approved" | "expense.disputed" | "expense.withdrawn" | "payment.recorded" | "payment.proof_added" | "payment.confirmed" | "export.made" | "professional_access.granted" | "professional_access.revoked" | "professional_access.viewed";
        OpenLedgerEntryDto: {
            /**
             * @description Record format version.
             * @enum {integer}
             */
            v: 1;
            /** Format: uuid */
            caseId: string;
            /** @description Position in the chain, from 1 without gaps. */
            seq: number;
            /**
             * Format: date-time
             * @description When the server recorded it (UTC, with milliseconds).
             */
            at: string;
            /**
             * @description The previous entry's hash; 64 zeros for the first.
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            prevHash: string;
            /**
             * @description SHA-256 of the canonical {actorId, payload, salt, type}: the content, committed to.
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            bodyHash: string;
            /**
             * @description SHA-256 of the canonical {at, bodyHash, caseId, prevHash, seq, v}.
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            hash: string;
            /** @enum {boolean} */
            sealed: false;
            type: components["schemas"]["LedgerEntryType"];
            /**
             * Format: uuid
             * @description Who did it; null for what the system did (a release at a window).
             */
            actorId: string | null;
            /** @description The fact, by type (see LedgerPayloads in the record format). */
            payload: {
                [key: string]: unknown;
            };
            /** @description Random per entry, so that a sealed body cannot be guessed from its hash. */
            salt: string;
        };
        SealedLedgerEntryDto: {
            /**
             * @description Record format version.
             * @enum {integer}
             */
            v: 1;
            /** Format: uuid */
            caseId: string;
            /** @description Position in the chain, from 1 without gaps. */
            seq: number;
            /**
             * Format: date-time
             * @description When the server recorded it (UTC, with milliseconds).
             */
            at: string;
            /**
             * @description The previous entry's hash; 64 zeros for the first.
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            prevHash: string;
            /**
             * @description SHA-256 of the canonical {actorId, payload, salt, type}: the content, committed to.
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            bodyHash: string;
            /**
             * @description SHA-256 of the canonical {at, bodyHash, caseId, prevHash, seq, v}.
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            hash: string;
            /** @enum {boolean} */
            sealed: true;
        };
        ValidChainDto: {
            /** @enum {boolean} */
            valid: true;
            count: number;
            /** @description Of those, sealed for the caller (verified by their hashes alone). */
            sealedCount: number;
            headSeq: number;
            /** @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 */
            headHash: string;
        };
        BrokenChainDto: {
            /** @enum {boolean} */
            valid: false;
            count: number;
            /** @description The first entry that fails; nothing after it is proven. */
            firstBadSeq: number;
            /** @example entry 7 was altered: its content no longer matches its body hash */
            reason: string;
        };
        LedgerPageDto: {
            /** @description Entries in chain order; `sealed` tells which kind each is. */
            items: (components["schemas"]["OpenLedgerEntryDto"] | components["schemas"]["SealedLedgerEntryDto"])[];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ImmediateCadenceDto: {
            /**
             * @description Messages are delivered when sent. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            mode: "immediate";
        };
        DeliveryWindowDto: {
            /**
             * @description ISO weekday: Monday 1 .. Sunday 7.
             * @enum {integer}
             */
            weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
            /**
             * @description 24-hour HH:MM wall-clock time in the case's time zone.
             * @example 18:00
             */
            time: string;
        };
        WindowsCadenceDto: {
            /**
             * @description Messages are held until the next delivery window. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            mode: "windows";
            windows: components["schemas"]["DeliveryWindowDto"][];
        };
        CreateCaseDto: {
            /** @example Alex and Sam */
            name: string;
            /** @example Europe/London */
            timeZone: string;
            /**
             * @description Children's first names (1 to 10).
             * @example [
             *       "Mia",
             *       "Leo"
             *     ]
             */
            children: string[];
        };
        SplitDto: {
            /**
             * @description The first parent's share of shared expenses, in basis points (5000 = half).
             * @example 5000
             */
            firstParentBasisPoints: number;
        };
        SharedTermsDto: {
            /** @description Urgent messages per sender in any rolling 30 days; 0 turns urgent off. */
            urgentPer30Days: number;
            /** @description Whether a sender sees when the recipient first read a message. */
            showReadTimes: boolean;
            split: components["schemas"]["SplitDto"];
        };
        CaseParentDto: {
            /** Format: uuid */
            userId: string;
            /** @example Alex */
            displayName: string;
            /**
             * @description Always `parent`: a case has exactly two parents and nobody else.
             * @example parent
             */
            role: string;
            /** Format: date-time */
            joinedAt: string;
        };
        PendingInvitationDto: {
            /** @example sam@example.org */
            email: string;
            /** Format: date-time */
            expiresAt: string;
        };
        LedgerHeadDto: {
            /** @description The last entry of the case's record visible to the caller; 0 for none. */
            seq: number;
            /**
             * @description Its hash (hex SHA-256).
             * @example 0000000000000000000000000000000000000000000000000000000000000000
             */
            hash: string;
        };
        CaseDto: {
            /** Format: uuid */
            id: string;
            /** @example Alex and Sam */
            name: string;
            /**
             * @description IANA time zone: days, quotas and delivery windows are counted in it.
             * @example Europe/London
             */
            timeZone: string;
            /**
             * @example [
             *       "Mia",
             *       "Leo"
             *     ]
             */
            children: string[];
            /** @description The terms both parents agreed on; they change only by accepted proposal. Each parent's inbox terms (delivery windows, daily cap) are in GET .../settings. */
            terms: components["schemas"]["SharedTermsDto"];
            /** @description One or two parents, in the order they joined. */
            parents: components["schemas"]["CaseParentDto"][];
            /** @description The invitation waiting for the other parent, if any. */
            pendingInvitation: components["schemas"]["PendingInvitationDto"] | null;
            ledgerHead: components["schemas"]["LedgerHeadDto"];
            /** Format: date-time */
            createdAt: string;
        };
        CaseListDto: {
            /** @description Every case the caller is a parent of (a handful at most, so not paged). */
            items: components["schemas"]["CaseDto"][];
        };
        CreateInvitationDto: {
            /** @example sam@example.org */
            email: string;
        };
        InvitationDto: {
            /** Format: uuid */
            id: string;
            /** @example sam@example.org */
            email: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Whether the mail server accepted the invitation mail; if not, invite again later. */
            mailDelivered: boolean;
            /** @description Whether an earlier invitation link that still worked was voided by this one (only the latest link works). */
            replacedPending: boolean;
        };
        InviterDto: {
            /** @example Alex */
            displayName: string;
        };
        InvitationPreviewDto: {
            /** @example Alex and Sam */
            caseName: string;
            invitedBy: components["schemas"]["InviterDto"];
            /**
             * @description The address invited: the account that accepts must use it.
             * @example sam@example.org
             */
            email: string;
            /** Format: date-time */
            expiresAt: string;
        };
        InboxTermsDto: {
            /** @description When messages reach the recipient. */
            cadence: components["schemas"]["ImmediateCadenceDto"] | components["schemas"]["WindowsCadenceDto"];
            /** @description Messages this inbox takes from the other parent per calendar day in the case's zone, urgent ones included. */
            dailyQuota: number;
        };
        PendingInboxTermsDto: {
            terms: components["schemas"]["InboxTermsDto"];
            /**
             * Format: date-time
             * @description When it was set (and announced to the other parent).
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @description When it takes effect: 24 hours after it was set, unless a newer change replaces it first.
             */
            effectiveAt: string;
        };
        InboxDto: {
            /**
             * Format: uuid
             * @description Whose inbox.
             */
            userId: string;
            inForce: components["schemas"]["InboxTermsDto"];
            /**
             * Format: date-time
             * @description Since when these terms are in force.
             */
            inForceSince: string;
            pending: components["schemas"]["PendingInboxTermsDto"] | null;
        };
        TermsChangesDto: {
            /** @description When messages reach the recipient. */
            cadence?: components["schemas"]["ImmediateCadenceDto"] | components["schemas"]["WindowsCadenceDto"];
            dailyQuota?: number;
            urgentPer30Days?: number;
            showReadTimes?: boolean;
            split?: components["schemas"]["SplitDto"];
        };
        /** @enum {string} */
        ProposalStatus: "pending" | "accepted" | "declined" | "withdrawn";
        ProposalDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The parent who proposed it.
             */
            proposedBy: string;
            /** @description The terms it replaces; the others stay as they are. */
            changes: components["schemas"]["TermsChangesDto"];
            status: components["schemas"]["ProposalStatus"];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it was accepted, declined or withdrawn; null while pending.
             */
            decidedAt: string | null;
            /**
             * Format: uuid
             * @description Who accepted, declined or withdrew it; null while pending.
             */
            decidedBy: string | null;
        };
        CaseSettingsDto: {
            /** @description One per parent in the case, in the order they joined. */
            inboxes: components["schemas"]["InboxDto"][];
            shared: components["schemas"]["SharedTermsDto"];
            /** @description At most one proposal waits at a time. */
            pendingProposal: components["schemas"]["ProposalDto"] | null;
        };
        SetInboxTermsDto: {
            /** @description When messages reach the caller's inbox: immediately, or at weekly delivery windows (at least 2 a week). */
            cadence: components["schemas"]["ImmediateCadenceDto"] | components["schemas"]["WindowsCadenceDto"];
            /** @description Messages the caller takes from the other parent per day. */
            dailyQuota: number;
        };
        InboxTermsChangeDto: {
            terms: components["schemas"]["InboxTermsDto"];
            /**
             * Format: date-time
             * @description When it was set (and announced to the other parent).
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @description When it takes effect: 24 hours after it was set, unless a newer change replaces it first.
             */
            effectiveAt: string;
            /** Format: uuid */
            userId: string;
            /** @description Whether it replaced a change that was still pending (that one will never take effect). */
            replacedPending: boolean;
        };
        ProposalListDto: {
            /** @description Newest first. */
            items: components["schemas"]["ProposalDto"][];
        };
        SharedTermsChangesDto: {
            urgentPer30Days?: number;
            showReadTimes?: boolean;
            split?: components["schemas"]["SplitDto"];
        };
        CreateProposalDto: {
            /**
             * @description Any of urgentPer30Days, showReadTimes, split. Applies once the other parent accepts. The cadence and the daily quota are not proposed: each parent sets them for their own inbox (PUT .../inbox-terms); a proposal naming them is refused (rule inboxTerms).
             * @example {
             *       "urgentPer30Days": 2,
             *       "showReadTimes": false
             *     }
             */
            changes: components["schemas"]["SharedTermsChangesDto"];
        };
        /** @enum {string} */
        MessageTopic: "schedule" | "health" | "school" | "activities" | "expenses" | "travel" | "other";
        SendMessageDto: {
            topic: components["schemas"]["MessageTopic"];
            /** @description Plain text; never interpreted as HTML. */
            text: string;
            /**
             * @description Delivered at once, outside the delivery windows; limited per 30 days.
             * @default false
             */
            urgent?: boolean;
        };
        /**
         * @description Whether the caller sent or received it.
         * @enum {string}
         */
        MessageDirection: "sent" | "received";
        /** @enum {string} */
        MessageStatus: "held" | "delivered" | "read";
        MessageDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** Format: uuid */
            senderId: string;
            /** Format: uuid */
            recipientId: string;
            /** @description Whether the caller sent or received it. */
            direction: components["schemas"]["MessageDirection"];
            topic: components["schemas"]["MessageTopic"];
            /** @description Plain text, exactly as sent; never HTML. */
            text: string;
            urgent: boolean;
            /** Format: date-time */
            sentAt: string;
            /**
             * Format: date-time
             * @description When the cadence lets it through (the sender sees "will be delivered ...").
             */
            deliverAt: string;
            /**
             * Format: date-time
             * @description When it reached the inbox; null while held for its window.
             */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @description The recipient's first read; shown to the sender only when the case shows read times.
             */
            readAt: string | null;
            status: components["schemas"]["MessageStatus"];
        };
        /** @enum {string} */
        HeldBackReason: "quota_exceeded" | "urgent_limit_reached" | "urgent_disabled";
        HeldBackErrorDto: {
            /** @example 400 */
            statusCode: number;
            /**
             * @description The HTTP reason phrase of `statusCode`.
             * @example Bad Request
             */
            error: string;
            /**
             * @description A sentence for people: what happened and what to do.
             * @example email must be an e-mail address
             */
            message: string;
            /** @description Each broken rule, by field; absent when the refusal is not about fields. */
            details?: components["schemas"]["FieldProblemDto"][];
            /**
             * Format: date-time
             * @description When the same request will be accepted again (throttled answers only).
             */
            retryAt?: string;
            reason: components["schemas"]["HeldBackReason"];
            /**
             * Format: uuid
             * @description The kept attempt, listed under held-back.
             */
            heldBackId: string;
        };
        /** @enum {string} */
        MessageBox: "inbox" | "sent" | "all";
        MessagePageDto: {
            /** @description Newest first. */
            items: components["schemas"]["MessageDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * @description The other parent's inbox: messages delivered at once, or at their delivery windows.
         * @enum {string}
         */
        DeliveryMode: "immediate" | "windows";
        AllowanceDto: {
            /** @description The other parent's daily cap: messages their inbox takes per day. */
            dailyQuota: number;
            /** @description Messages the caller sent today (the case's time zone). */
            sentToday: number;
            remainingToday: number;
            /**
             * Format: date-time
             * @description When a message will be accepted again; null while sends remain today.
             */
            nextSendAt: string | null;
            /** @description The shared urgent allowance per sender in any 30 days; 0: urgent messages are off. */
            urgentPer30Days: number;
            urgentRemaining: number;
            /**
             * Format: date-time
             * @description When the urgent allowance has room again; null while it has (or when urgent messages are off).
             */
            nextUrgentAt: string | null;
            /** @description The other parent's inbox: messages delivered at once, or at their delivery windows. */
            deliveryMode: components["schemas"]["DeliveryMode"];
            /**
             * Format: date-time
             * @description When an ordinary message sent now would reach the other parent's inbox.
             */
            deliverAtIfSentNow: string;
        };
        ThreadDto: {
            topic: components["schemas"]["MessageTopic"];
            /** @description Messages on this topic the caller can see. */
            count: number;
            /** @description Of those, received and not read yet. */
            unread: number;
            /**
             * Format: date-time
             * @description When the latest was sent.
             */
            lastAt: string;
        };
        ThreadListDto: {
            /** @description One per topic with messages, latest activity first. */
            items: components["schemas"]["ThreadDto"][];
        };
        /** @enum {string} */
        HeldBackOwner: "mine" | "other";
        HeldBackDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            senderId: string;
            topic: components["schemas"]["MessageTopic"];
            text: string;
            urgent: boolean;
            /** Format: date-time */
            attemptedAt: string;
            reason: components["schemas"]["HeldBackReason"];
            /**
             * Format: date-time
             * @description When the same send would have been accepted; null when urgent messages are turned off.
             */
            retryAt: string | null;
        };
        HeldBackPageDto: {
            /** @description Newest first. */
            items: components["schemas"]["HeldBackDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        HeldBackCountsDto: {
            /** @description Attempts today (the calendar day in the case's time zone). */
            today: number;
            /** @description Attempts since the case began. */
            total: number;
        };
        HeldBackSummaryDto: {
            /** @description The caller's own attempts that were held back. */
            mine: components["schemas"]["HeldBackCountsDto"];
            /** @description The other parent's attempts held back from the caller's inbox. */
            other: components["schemas"]["HeldBackCountsDto"];
        };
        /** @enum {string} */
        CustodySource: "plan" | "override" | "swap";
        ScheduleDayDto: {
            /** @description YYYY-MM-DD */
            date: string;
            /**
             * Format: uuid
             * @description Who has the children for the day's night; null where no plan applies.
             */
            parentId: string | null;
            source: components["schemas"]["CustodySource"];
            /** @description The plan, override or swap behind it. */
            sourceId: string | null;
        };
        /** @enum {string} */
        CheckInStatus: "on_time" | "late" | "missed";
        CheckInDto: {
            /** Format: uuid */
            id: string;
            /** @example 20261211T1800Z */
            exchangeId: string;
            /** Format: date-time */
            exchangeAt: string;
            /** Format: uuid */
            recordedBy: string;
            status: components["schemas"]["CheckInStatus"];
            lateMinutes: number | null;
            note: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ExchangeDto: {
            /**
             * @description Stable while the schedule keeps an exchange at that instant.
             * @example 20261211T1800Z
             */
            id: string;
            /** Format: date-time */
            at: string;
            /**
             * Format: uuid
             * @description Who hands the children over.
             */
            fromParentId: string;
            /** Format: uuid */
            toParentId: string;
            place: string;
            source: components["schemas"]["CustodySource"];
            sourceId: string | null;
            checkIns: components["schemas"]["CheckInDto"][];
        };
        CustodyIntervalDto: {
            /** Format: date-time */
            from: string;
            /**
             * Format: date-time
             * @description Exclusive.
             */
            to: string;
            /** Format: uuid */
            parentId: string | null;
            source: components["schemas"]["CustodySource"];
            sourceId: string | null;
        };
        /** @enum {string} */
        OverrideKind: "holiday" | "vacation" | "court-order" | "other";
        /** @enum {string} */
        AgreementStatus: "pending" | "accepted" | "declined" | "withdrawn";
        OverrideDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            proposedBy: string;
            kind: components["schemas"]["OverrideKind"];
            reason: string;
            startDate: string;
            startTime: string;
            endDate: string;
            endTime: string;
            /** Format: uuid */
            parentId: string;
            alternateYears: boolean;
            place: string;
            status: components["schemas"]["AgreementStatus"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: uuid */
            decidedBy: string | null;
        };
        /** @enum {string} */
        SwapKind: "give" | "trade";
        /**
         * @description expired: unanswered at the start of its first day.
         * @enum {string}
         */
        SwapStatus: "pending" | "accepted" | "declined" | "withdrawn" | "expired";
        SwapDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            requestedBy: string;
            kind: components["schemas"]["SwapKind"];
            giveDates: string[];
            takeDates: string[];
            note: string | null;
            /** @description expired: unanswered at the start of its first day. */
            status: components["schemas"]["SwapStatus"];
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: uuid */
            decidedBy: string | null;
            /** @description The reason given with the answer, if any. */
            reason: string | null;
        };
        /** @enum {string} */
        PlanPattern: "alternating-weeks" | "2-2-3" | "2-2-5-5" | "3-4-4-3" | "5-2-2-5" | "every-other-weekend" | "custom";
        MidweekVisitDto: {
            /**
             * @description ISO weekday of the visit: Monday 1 .. Thursday 4.
             * @example 3
             */
            weekday: number;
            /** @example 16:00 */
            from: string;
            /** @example 19:00 */
            to: string;
        };
        /** @enum {string} */
        PlanStatus: "pending" | "accepted" | "declined" | "withdrawn" | "court_ordered";
        CourtOrderInfoDto: {
            reference: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            date: string;
        };
        PlanDisputeDto: {
            /** Format: uuid */
            disputedBy: string;
            reason: string;
            /** Format: date-time */
            at: string;
        };
        PlanDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            proposedBy: string;
            pattern: components["schemas"]["PlanPattern"];
            /** @description YYYY-MM-DD */
            startDate: string;
            /** @example 18:00 */
            exchangeTime: string;
            /** Format: uuid */
            firstParentId: string;
            /** Format: uuid */
            secondParentId: string;
            /** @description Custom pattern: stretch lengths in days. */
            rotation: number[] | null;
            weekendEndTime: string | null;
            midweekVisit: components["schemas"]["MidweekVisitDto"] | null;
            /** @description Where exchanges happen; may be empty. */
            place: string;
            status: components["schemas"]["PlanStatus"];
            /**
             * Format: date-time
             * @description startDate at exchangeTime in the case zone: the plan applies from then on.
             */
            effectiveFrom: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: uuid */
            decidedBy: string | null;
            /**
             * Format: date-time
             * @description While pending: from when its proposer may apply it as court-ordered (14 days unanswered).
             */
            courtOrderAvailableAt: string;
            courtOrder: components["schemas"]["CourtOrderInfoDto"] | null;
            disputes: components["schemas"]["PlanDisputeDto"][];
        };
        ScheduleDto: {
            timeZone: string;
            from: string;
            to: string;
            days: components["schemas"]["ScheduleDayDto"][];
            exchanges: components["schemas"]["ExchangeDto"][];
            /** @description The exact custody intervals over the range. */
            intervals: components["schemas"]["CustodyIntervalDto"][];
            /** @description Overrides (accepted and pending) that touch the range. */
            overrides: components["schemas"]["OverrideDto"][];
            /** @description Swaps (accepted and pending) with a day in the range. */
            swaps: components["schemas"]["SwapDto"][];
            /** @description The plans in force over the range, in order. */
            plans: components["schemas"]["PlanDto"][];
            /** @description The plan waiting for an answer, if any. */
            pendingPlan: components["schemas"]["PlanDto"] | null;
        };
        TimeShareEntryDto: {
            /** Format: uuid */
            parentId: string;
            overnights: number;
            /** @description Hours with the children (two decimals). */
            hours: number;
            /** @description Share of the overnights in percent (two decimals); the two sum to 100. */
            percent: number;
        };
        TimeSharePartDto: {
            parents: components["schemas"]["TimeShareEntryDto"][];
            /** @description Days with no plan. */
            unscheduledDays: number;
        };
        TimeShareDto: {
            from: string;
            to: string;
            /** @description As lived: the plans with overrides and swaps. */
            parents: components["schemas"]["TimeShareEntryDto"][];
            unscheduledDays: number;
            /** @description As planned: the plans alone. */
            planned: components["schemas"]["TimeSharePartDto"];
        };
        PlanListDto: {
            /** @description Newest first. */
            items: components["schemas"]["PlanDto"][];
        };
        ProposePlanDto: {
            pattern: components["schemas"]["PlanPattern"];
            /**
             * @description The first day of the plan, in the case's zone; it must be in the future.
             * @example 2026-12-07
             */
            startDate: string;
            /**
             * @description When exchanges happen, in the case's zone.
             * @example 18:00
             */
            exchangeTime: string;
            /**
             * Format: uuid
             * @description The parent with the children for the first stretch (every other weekend: the parent whose weekends they are).
             */
            firstParentId: string;
            /**
             * @description Custom pattern only: stretch lengths in days, alternating parents, the first parent first.
             * @example [
             *       3,
             *       4
             *     ]
             */
            rotation?: number[];
            /** @description Every other weekend only: when the weekend ends on Sunday (default: exchangeTime). */
            weekendEndTime?: string;
            /** @description Every other weekend only: the weekend parent's weekly visit. */
            midweekVisit?: components["schemas"]["MidweekVisitDto"];
            /**
             * @description Where exchanges happen, in a few words.
             * @example School gate
             */
            place?: string;
        };
        CourtOrderDto: {
            /**
             * @description The court order's reference, as written on it.
             * @example FD26P00123
             */
            orderReference: string;
            /**
             * @description The date of the order (not in the future).
             * @example 2026-11-20
             */
            orderDate: string;
        };
        DisputeDto: {
            /** @description Why, in a few factual words. */
            reason: string;
        };
        OverrideListDto: {
            /** @description Newest first. */
            items: components["schemas"]["OverrideDto"][];
        };
        CreateOverrideDto: {
            kind: components["schemas"]["OverrideKind"];
            /** @example Christmas */
            reason: string;
            /** @example 2026-12-24 */
            startDate: string;
            /** @example 10:00 */
            startTime: string;
            /**
             * @description The day it ends, at endTime (exclusive).
             * @example 2026-12-26
             */
            endDate: string;
            /** @example 10:00 */
            endTime: string;
            /**
             * Format: uuid
             * @description Who has the children (with alternateYears: in the start year and every other year after).
             */
            parentId: string;
            /**
             * @description Repeat every year on the same dates, the parents alternating years.
             * @default false
             */
            alternateYears?: boolean;
            /** @description Where the exchanges at its start and end happen, if not the usual place. */
            place?: string;
        };
        SwapListDto: {
            /** @description Newest first. */
            items: components["schemas"]["SwapDto"][];
        };
        CreateSwapDto: {
            /** @description give: hand days to the other parent; trade: and take some of theirs in return. */
            kind: components["schemas"]["SwapKind"];
            /**
             * @description Your days (YYYY-MM-DD) that go to the other parent; each after today.
             * @example [
             *       "2026-12-12"
             *     ]
             */
            giveDates: string[];
            /** @description Trade only: the other parent's days (YYYY-MM-DD) you take in return. */
            takeDates?: string[];
            /** @description A short factual note. */
            note?: string;
        };
        AnswerSwapDto: {
            /** @description An optional reason, recorded with the answer. */
            reason?: string;
        };
        CreateCheckInDto: {
            status: components["schemas"]["CheckInStatus"];
            /** @description With status late: by how many minutes. */
            lateMinutes?: number;
            /** @description A short factual note. */
            note?: string;
        };
        CalendarFeedDto: {
            /** @description The caller's secret feed address (RFC 5545) for calendar apps; rotate to revoke it. */
            url: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** @enum {string} */
        ExpenseCategory: "medical" | "school" | "childcare" | "activities" | "clothing" | "travel" | "other";
        ShareInputDto: {
            /**
             * Format: uuid
             * @description One of the two parents of the case.
             */
            parentId: string;
            /**
             * @description Their share in basis points (6000 = 60 %).
             * @example 6000
             */
            basisPoints: number;
        };
        CreateExpenseDto: {
            category: components["schemas"]["ExpenseCategory"];
            /** @example School trip to the science museum */
            description: string;
            /**
             * Format: date
             * @description The day it was paid, in the case's time zone; not in the future.
             * @example 2026-03-04
             */
            incurredOn: string;
            /**
             * @description The whole amount paid, in minor units of the currency (pence, cents; yen are whole yen): 4550 GBP is £45.50.
             * @example 4550
             */
            amountMinor: number;
            /**
             * @description ISO 4217 currency code.
             * @example GBP
             */
            currency: string;
            /** @description A split for this expense only: each parent's share, both named once, adding up to 10000. Without it the case's split applies (changed only by an accepted proposal). */
            shares?: components["schemas"]["ShareInputDto"][];
        };
        ExpenseShareDto: {
            /** Format: uuid */
            parentId: string;
            basisPoints: number;
            /** @description This parent's part in minor units; the two parts always add up to amountMinor. */
            amountMinor: number;
        };
        /**
         * @description Only approved expenses count in the balance.
         * @enum {string}
         */
        ExpenseStatus: "pending" | "approved" | "disputed" | "withdrawn" | "resubmitted";
        /**
         * @description Recognised from the content, not the name.
         * @enum {string}
         */
        ReceiptMediaType: "application/pdf" | "image/jpeg" | "image/png" | "image/heic";
        ReceiptDto: {
            /** Format: uuid */
            id: string;
            /** @description Recognised from the content, not the name. */
            mediaType: components["schemas"]["ReceiptMediaType"];
            /** @description Bytes as stored (location and device metadata removed from images). */
            sizeBytes: number;
            /** @description SHA-256 of the stored bytes, as in the ledger entry. */
            sha256: string;
            /** Format: uuid */
            uploadedBy: string;
            /** Format: date-time */
            uploadedAt: string;
        };
        ExpenseDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The parent who paid and logged it.
             */
            loggedBy: string;
            category: components["schemas"]["ExpenseCategory"];
            description: string;
            /** Format: date */
            incurredOn: string;
            amountMinor: number;
            /** @example GBP */
            currency: string;
            /**
             * @description Decimals of the currency’s minor unit (GBP 2, JPY 0, KWD 3): amountMinor / 10^minorDigits is the amount.
             * @enum {integer}
             */
            minorDigits: 0 | 2 | 3;
            /**
             * @description case: the case's split when it was logged; override: a split for this expense only.
             * @enum {string}
             */
            splitSource: "case" | "override";
            /** @description Both parents, the case’s first parent first. */
            shares: components["schemas"]["ExpenseShareDto"][];
            /** @description Only approved expenses count in the balance. */
            status: components["schemas"]["ExpenseStatus"];
            /** Format: date-time */
            loggedAt: string;
            /**
             * Format: date-time
             * @description When it was approved or disputed (or withdrawn while pending).
             */
            decidedAt: string | null;
            /** Format: uuid */
            decidedBy: string | null;
            /** @description The reason given with a dispute. */
            disputeReason: string | null;
            /**
             * Format: date-time
             * @description When the logger withdrew or resubmitted it after a dispute.
             */
            closedAt: string | null;
            /**
             * Format: uuid
             * @description The disputed expense this one corrects.
             */
            replacesExpenseId: string | null;
            /**
             * Format: uuid
             * @description The corrected expense that replaced this one (status resubmitted).
             */
            replacedByExpenseId: string | null;
            /** @description Oldest first. */
            receipts: components["schemas"]["ReceiptDto"][];
        };
        ExpensePageDto: {
            /** @description Newest logged first. */
            items: components["schemas"]["ExpenseDto"][];
            nextCursor: string | null;
        };
        BalanceItemDto: {
            /** @example GBP */
            currency: string;
            /**
             * @description Decimals of the currency’s minor unit.
             * @enum {integer}
             */
            minorDigits: 0 | 2 | 3;
            /**
             * Format: uuid
             * @description The parent who owes.
             */
            fromParentId: string;
            /**
             * Format: uuid
             * @description The parent who is owed.
             */
            toParentId: string;
            /** @description What is owed, in minor units; always above zero. */
            amountMinor: number;
        };
        BalanceDto: {
            /** @description One per currency in which someone owes something, sorted by currency; empty when nobody owes anything. From approved expenses and confirmed payments only. */
            balances: components["schemas"]["BalanceItemDto"][];
        };
        DisputeExpenseDto: {
            /** @example The receipt shows a different amount. */
            reason: string;
        };
        /** @enum {string} */
        PaymentMethod: "bank_transfer" | "cash" | "card" | "cheque" | "other";
        RecordPaymentDto: {
            /**
             * @description In minor units; a part of what is owed is fine.
             * @example 2275
             */
            amountMinor: number;
            /** @example GBP */
            currency: string;
            /**
             * Format: date
             * @description The day it was paid, in the case's time zone; not in the future.
             * @example 2026-03-10
             */
            paidOn: string;
            method: components["schemas"]["PaymentMethod"];
            /** @description A bank reference or note that helps the other parent find it. A file as proof: POST .../payments/:id/proofs. */
            reference?: string;
        };
        /**
         * @description Counts in the balance once confirmed by the parent paid.
         * @enum {string}
         */
        PaymentStatus: "recorded" | "confirmed";
        PaymentDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            paidBy: string;
            /** Format: uuid */
            paidTo: string;
            amountMinor: number;
            /** @example GBP */
            currency: string;
            /**
             * @description Decimals of the currency’s minor unit.
             * @enum {integer}
             */
            minorDigits: 0 | 2 | 3;
            /** Format: date */
            paidOn: string;
            method: components["schemas"]["PaymentMethod"];
            reference: string | null;
            /** @description Counts in the balance once confirmed by the parent paid. */
            status: components["schemas"]["PaymentStatus"];
            /** Format: date-time */
            recordedAt: string;
            /** Format: date-time */
            confirmedAt: string | null;
            /** @description Proofs of payment, oldest first. */
            proofs: components["schemas"]["ReceiptDto"][];
        };
        PaymentPageDto: {
            /** @description Newest recorded first. */
            items: components["schemas"]["PaymentDto"][];
            nextCursor: string | null;
        };
        CreateExportDto: {
            /**
             * @description First day printed (YYYY-MM-DD, in the case's time zone); omitted: from the first entry.
             * @example 2026-03-01
             */
            from?: string;
            /**
             * @description Last day printed (YYYY-MM-DD, in the case's time zone); omitted: up to the export.
             * @example 2026-03-31
             */
            to?: string;
            /** @description What the PDF prints after its cover and summary; omitted: every section. The bundle always carries the whole ledger. */
            sections?: ("messages" | "held-back" | "terms" | "schedule" | "expenses" | "other")[];
        };
        ExportMakerDto: {
            /** @enum {string} */
            kind: "parent" | "professional";
            /** @description The parent’s name, or the professional’s as the parent who gave the access wrote it. */
            name: string;
            /**
             * @description The professional’s role; null for a parent.
             * @enum {string|null}
             */
            role: "lawyer" | "mediator" | "guardian_ad_litem" | null;
        };
        ExportDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /**
             * Format: uuid
             * @description The parent who made it; null when a professional made it (see `grantId`).
             */
            requestedBy: string | null;
            /**
             * Format: uuid
             * @description The professional access it was made with; null for a parent’s export.
             */
            grantId: string | null;
            madeBy: components["schemas"]["ExportMakerDto"];
            /** @description Its own `export.made` entry: the bundle covers the chain from entry 1 up to this one. */
            ledgerSeq: number;
            from: string | null;
            to: string | null;
            sections: ("messages" | "held-back" | "terms" | "schedule" | "expenses" | "other")[];
            /** @description The signing key: `SHA256:` and the hex SHA-256 of its DER public key. */
            keyFingerprint: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Where to download the PDF. */
            pdfUrl: string;
            /** @description Where to download the signed bundle (zip). */
            bundleUrl: string;
        };
        ExportPageDto: {
            /** @description Newest first. */
            items: components["schemas"]["ExportDto"][];
            /** @description Pass as `cursor` for the older exports; null on the last page. */
            nextCursor: string | null;
        };
        ProfessionalAccessDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @enum {string} */
            role: "lawyer" | "mediator" | "guardian_ad_litem";
            /** @example Jane Smith */
            name: string;
            /** @example jane.smith@lawfirm.example */
            email: string;
            /**
             * Format: uuid
             * @description The parent who gave it; only they can end it.
             */
            grantedBy: string;
            /** Format: date-time */
            grantedAt: string;
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description Open, past its end, or ended by the parent who gave it.
             * @enum {string}
             */
            status: "active" | "expired" | "revoked";
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: uuid */
            revokedBy: string | null;
            /** @description How many times the professional opened the record with it (each recorded). */
            visitCount: number;
            /** Format: date-time */
            lastVisitAt: string | null;
            /** @description Whether the caller may end it now: they gave it, and it is still open. */
            canRevoke: boolean;
        };
        ProfessionalAccessListDto: {
            /** @description Newest first: open, expired and ended alike. */
            items: components["schemas"]["ProfessionalAccessDto"][];
        };
        GrantProfessionalAccessDto: {
            /**
             * @description The professional’s name, as the record will keep it.
             * @example Jane Smith
             */
            name: string;
            /**
             * @description Where the link is mailed.
             * @example jane.smith@lawfirm.example
             */
            email: string;
            /** @enum {string} */
            role: "lawyer" | "mediator" | "guardian_ad_litem";
            /**
             * Format: date-time
             * @description When the access ends: at least an hour and at most 90 days from now.
             * @example 2026-12-31T23:59:00.000Z
             */
            expiresAt: string;
        };
        GrantedProfessionalAccessDto: {
            access: components["schemas"]["ProfessionalAccessDto"];
            /**
             * @description The link, shown this once (only its hash is kept). It was mailed to the professional.
             * @example https://parallel.example/p/k3Jd…
             */
            url: string;
            /** @description Whether the mail with the link was handed to the mail server. */
            mailDelivered: boolean;
        };
        OpenProfessionalVisitDto: {
            /**
             * @description The secret from the link the professional received: the part after /p/.
             * @example k3Jd…
             */
            secret: string;
        };
        ProfessionalViewerDto: {
            /** @example Jane Smith */
            name: string;
            /** @enum {string} */
            role: "lawyer" | "mediator" | "guardian_ad_litem";
            /** @example jane.smith@lawfirm.example */
            email: string;
        };
        ProfessionalCaseDto: {
            /** Format: uuid */
            id: string;
            /** @example Alex and Sam */
            name: string;
            /** @example Europe/London */
            timeZone: string;
            children: string[];
            /** @description The parents, the case’s creator first. */
            parents: components["schemas"]["CaseParentDto"][];
            /** @description The last entry of the record: read the record up to it. */
            ledgerHead: components["schemas"]["LedgerHeadDto"];
        };
        ProfessionalViewDto: {
            professional: components["schemas"]["ProfessionalViewerDto"];
            /** @description The parent who gave the access: the record is shown as they see it. */
            grantedBy: components["schemas"]["CaseParentDto"];
            /**
             * Format: date-time
             * @description When the access ends.
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description When this visit ends; the link can then be opened again until the access ends.
             */
            visitExpiresAt: string;
            case: components["schemas"]["ProfessionalCaseDto"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its database answer (a failing database answers 500). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedInDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedInDto"] | components["schemas"]["SecondFactorRequiredDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_secondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedInDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session has ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_setPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthMessageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthMessageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthMessageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_requestEmailChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeEmailDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthMessageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_confirmEmailChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailChangedDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_endAllSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session and socket of the account has ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session and its sockets have ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_enrolTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpDisableDto"];
            };
        };
        responses: {
            /** @description Two-step sign-in is off. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpConfirmDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LedgerController_page: {
        parameters: {
            query?: {
                /** @description Return entries after this sequence number (a cursor). */
                afterSeq?: number;
                /** @description The nextCursor of the previous page. */
                cursor?: number;
                limit?: number;
                /** @description Show the texts of sends held back from the caller (sealed unless asked for). */
                revealHeldBack?: boolean;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerPageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LedgerController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidChainDto"] | components["schemas"]["BrokenChainDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CasesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CasesController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreviewDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TermsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSettingsDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TermsController_setInboxTerms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetInboxTermsDto"];
            };
        };
        responses: {
            /** @description Accepted, pending until effectiveAt. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxTermsChangeDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TermsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalListDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TermsController_propose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProposalDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TermsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TermsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TermsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MessagesController_list: {
        parameters: {
            query?: {
                box?: components["schemas"]["MessageBox"];
                topic?: components["schemas"]["MessageTopic"];
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MessagesController_send: {
        parameters: {
            query?: never;
            header: {
                /** @description A new unique value per message (e.g. a UUID); a retry with the same key returns the first answer. */
                "Idempotency-Key": string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageDto"];
            };
        };
        responses: {
            /** @description Accepted: delivered, or held until its window (see deliverAt). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Held back: urgent messages are turned off in this case (reason urgent_disabled). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeldBackErrorDto"];
                };
            };
            /** @description Held back over the daily quota or the urgent limit (reason quota_exceeded or urgent_limit_reached); retryAt says when. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeldBackErrorDto"];
                };
            };
        };
    };
    MessagesController_allowance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowanceDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MessagesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MessagesController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MessagesController_threads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadListDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MessagesController_heldBack: {
        parameters: {
            query?: {
                /** @description Whose attempts: the caller's own (default), or, as an explicit choice, the other parent's, with their texts. */
                of?: components["schemas"]["HeldBackOwner"];
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeldBackPageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MessagesController_heldBackSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeldBackSummaryDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_view: {
        parameters: {
            query: {
                /** @description First day, in the case's zone. */
                from: string;
                /** @description Last day (included). */
                to: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_timeShare: {
        parameters: {
            query: {
                /** @description First day, in the case's zone. */
                from: string;
                /** @description Last day (included). */
                to: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeShareDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_listPlans: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanListDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_propose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposePlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_acceptPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_declinePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_withdrawPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_courtOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourtOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_dispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisputeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_listOverrides: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideListDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_createOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOverrideDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_acceptOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_declineOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ScheduleController_withdrawOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    SwapsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapListDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    SwapsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSwapDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    SwapsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                swapId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerSwapDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    SwapsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                swapId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerSwapDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    SwapsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                swapId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    SwapsController_checkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                exchangeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCheckInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarFeedController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CalendarFeedController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicCalendarController_ics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                secret: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An iCalendar document (text/calendar). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["ExpenseStatus"];
                category?: components["schemas"]["ExpenseCategory"];
                /** @description Only expenses incurred on or after this day. */
                from?: string;
                /** @description Only expenses incurred on or before this day. */
                to?: string;
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpensePageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_log: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExpenseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_csv: {
        parameters: {
            query?: {
                /** @description First day (expenses by the day incurred, payments by the day paid); no limit when absent. */
                from?: string;
                /** @description Last day, included; no limit when absent. */
                to?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_balance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalanceDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                expenseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                expenseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_dispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                expenseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisputeExpenseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                expenseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_resubmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                expenseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExpenseDto"];
            };
        };
        responses: {
            /** @description The new, corrected expense, pending approval. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_addReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                expenseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF, JPEG, PNG or HEIC, at most 10 MB; recognised by its content.
                     */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description The file is over 10 MB (rule maxSize). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description The content is not a PDF, JPEG, PNG or HEIC, whatever its name says (rule fileType). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExpensesController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                expenseId: string;
                receiptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with the media type recognised at upload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/heic": string;
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PaymentsController_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["PaymentStatus"];
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PaymentsController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PaymentsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PaymentsController_addProof: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF, JPEG, PNG or HEIC, at most 10 MB; recognised by its content.
                     */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description The file is over 10 MB (rule maxSize). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description The content is not a PDF, JPEG, PNG or HEIC, whatever its name says (rule fileType). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PaymentsController_proof: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                paymentId: string;
                proofId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with the media type recognised at upload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/heic": string;
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExportsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page: exports made before that one. */
                cursor?: number;
                limit?: number;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportPageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExportsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExportsController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ExportsController_bundle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The zip. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalAccessController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfessionalAccessListDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalAccessController_grant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantProfessionalAccessDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantedProfessionalAccessDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalAccessController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfessionalAccessDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description In conflict with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalLinkController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenProfessionalVisitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfessionalViewDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many attempts: `retryAt` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_view: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfessionalViewDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_close: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Closed; the cookie is cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_ledger: {
        parameters: {
            query?: {
                /** @description Return entries after this sequence number (a cursor). */
                afterSeq?: number;
                /** @description The nextCursor of the previous page. */
                cursor?: number;
                limit?: number;
                /** @description Show the texts of sends held back from the caller (sealed unless asked for). */
                revealHeldBack?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerPageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidChainDto"] | components["schemas"]["BrokenChainDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_listExports: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page: exports made before that one. */
                cursor?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportPageDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_createExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportDto"];
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Signed in, but this action is not yours to take. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfessionalRecordController_bundle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The zip. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description The request is not valid: `details` names each field and rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description No live session: sign in, then send the bearer token or the session cookie. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or not visible to the caller (a case one is not a parent of answers 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description It existed but can no longer be used. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
}
