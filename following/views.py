"""Public pages to follow by e-mail, confirm a subscription and end it with one click.

None of them is cached: each carries a form or answers one person's link.
"""

from django.shortcuts import render
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from . import limits, services
from .forms import FollowForm
from .targets import target_from
from .tokens import CONFIRM_DAYS, TokenProblem, subscription_to_confirm, subscription_to_end


def notice(request, *, title: str, paragraphs: list[str], status: int = 200, back=None):
    """Render a page that tells the visitor one thing, in the language of the address."""
    return render(
        request,
        "following/notice.html",
        {"title": title, "paragraphs": paragraphs, "back": back},
        status=status,
    )


def link_problem(request, problem: TokenProblem, *, action: str):
    """Render the page for a link that cannot be used, saying why."""
    if problem.reason == "expired":
        return notice(
            request,
            title=_("This link has expired"),
            paragraphs=[
                _(
                    "A confirmation link works for {days} days. Please ask for a new one on the "
                    "page you wanted to follow."
                ).format(days=CONFIRM_DAYS)
            ],
            status=410,
        )
    if problem.reason == "unknown":
        if action == "unsubscribe":
            return notice(
                request,
                title=_("You no longer receive these e-mails"),
                paragraphs=[_("This subscription has already ended. Nothing more will be sent.")],
            )
        return notice(
            request,
            title=_("This link is no longer valid"),
            paragraphs=[
                _(
                    "The subscription it belonged to has ended or was not confirmed in time "
                    "and has been deleted. You can ask for a new one at any time."
                )
            ],
            status=404,
        )
    return notice(
        request,
        title=_("This link is incomplete"),
        paragraphs=[
            _(
                "The address could not be read. Please copy the whole link from the e-mail into "
                "your browser's address bar."
            )
        ],
        status=400,
    )


@method_decorator(never_cache, name="dispatch")
class FollowView(View):
    """Show the form to follow something by e-mail, and take the request for it."""

    def target(self):
        return target_from(slug=self.kwargs.get("slug"), number=self.kwargs.get("number"))

    def page(self, request, form, status=200):
        target = self.target()
        return render(
            request, "following/follow.html", {"form": form, "target": target}, status=status
        )

    def get(self, request, **kwargs):
        return self.page(request, FollowForm())

    def post(self, request, **kwargs):
        target = self.target()
        form = FollowForm(request.POST)
        if form.is_robot():
            # A robot is told what a person is told, and nothing is sent.
            return self.sent(request, target)
        if not form.is_valid():
            return self.page(request, form, status=400)
        email = services.normalised_address(form.cleaned_data["email"])
        try:
            limits.count_request(request, email)
        except limits.Refused as refused:
            return self.refused(request, refused.who)
        services.subscription_request(
            email=email,
            language=translation.get_language(),
            scope=target.scope,
            area=target.area,
            measure=target.measure,
        )
        return self.sent(request, target)

    def sent(self, request, target):
        return notice(
            request,
            title=_("Please confirm in your mailbox"),
            paragraphs=[
                _(
                    "If this address does not follow {target} yet, we have sent it an e-mail "
                    "with a confirmation link. Nothing else is sent until you open the link."
                ).format(target=target.label),
                _(
                    "The link works for {days} days; without confirmation the address is "
                    "deleted after that."
                ).format(days=CONFIRM_DAYS),
            ],
            back=target,
        )

    def refused(self, request, who: str):
        if who == "address":
            paragraphs = [
                _(
                    "We have already sent an e-mail to this address today. Please look for it "
                    "in your mailbox (and in the spam folder), or try again tomorrow."
                )
            ]
        elif who == "client":
            paragraphs = [
                _("Too many subscriptions were requested from your connection today.")
                + " "
                + _("Please try again tomorrow.")
            ]
        else:
            paragraphs = [_("We cannot take subscriptions at the moment. Please try again later.")]
        return notice(
            request,
            title=_("No e-mail was sent"),
            paragraphs=paragraphs,
            status=429 if who != "cache" else 503,
            back=self.target(),
        )


@method_decorator(never_cache, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class ConfirmView(View):
    """Confirm a subscription: the link shows a button, so that link checkers confirm nothing.

    Without CSRF protection, like the unsubscribe link: the signed link is the proof, and a
    browser that refuses cookies can still confirm.
    """

    def get(self, request, token):
        try:
            subscription = subscription_to_confirm(token)
        except TokenProblem as problem:
            return link_problem(request, problem, action="confirm")
        if subscription.is_confirmed:
            return self.already(request, subscription)
        return render(request, "following/confirm.html", {"subscription": subscription})

    def post(self, request, token):
        try:
            subscription = subscription_to_confirm(token)
        except TokenProblem as problem:
            return link_problem(request, problem, action="confirm")
        if not services.subscription_confirm(subscription):
            return self.already(request, subscription)
        return notice(
            request,
            title=_("Thank you: your subscription is confirmed"),
            paragraphs=[
                _(
                    "From now on you will receive an e-mail when a new progress report on {target} "
                    "is published. Every e-mail has a link to end the subscription."
                ).format(target=subscription.target_label)
            ],
        )

    def already(self, request, subscription):
        return notice(
            request,
            title=_("This link has already been used"),
            paragraphs=[
                _("The subscription to {target} was confirmed before; it stays as it is.").format(
                    target=subscription.target_label
                )
            ],
        )


@method_decorator(never_cache, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """End a subscription: a button on the page, or one POST from the mail program (RFC 8058).

    Without CSRF protection on purpose: the mail program posts without a session, and the
    signed link is the proof; the worst a forged POST can do is end the subscription it names.
    """

    def get(self, request, token):
        try:
            subscription = subscription_to_end(token)
        except TokenProblem as problem:
            return link_problem(request, problem, action="unsubscribe")
        return render(request, "following/unsubscribe.html", {"subscription": subscription})

    def post(self, request, token):
        try:
            subscription = subscription_to_end(token)
        except TokenProblem as problem:
            return link_problem(request, problem, action="unsubscribe")
        every_one = request.POST.get("scope") == "address"
        services.subscription_end(subscription, every_one_of_the_address=every_one)
        return notice(
            request,
            title=_("You no longer receive these e-mails"),
            paragraphs=[
                _("No more e-mails will be sent to this address.")
                if every_one
                else _("You no longer follow {target}.").format(target=subscription.target_label)
            ],
        )
