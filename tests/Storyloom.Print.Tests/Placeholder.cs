namespace Storyloom.Print.Tests;
