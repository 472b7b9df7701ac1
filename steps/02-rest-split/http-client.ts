// The one HTTP client of step 02, for calls between the shop's services on loopback. No proxy:
// with HTTP_PROXY set (a conference or company network), axios would send them to the proxy.
import axios from "axios";

export const http = axios.create({ proxy: false });
