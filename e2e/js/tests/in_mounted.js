// The first match of the selector arguments[1] in the shadow root of the widget that the npm
// package's mount() put in the container arguments[0] (a selector), or null.
const host = document.querySelector(arguments[0] + ' > .sir-donate');
return host && host.shadowRoot ? host.shadowRoot.querySelector(arguments[1]) : null;
